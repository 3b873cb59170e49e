"""Run derivations over all cores, with a progress bar on long runs."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from travelog.photos.derive import Derived, DeriveError, derive
from travelog.photos.settings import PhotoSettings

PROGRESS_THRESHOLD = 8  # photos; below this a bar is only noise


@dataclass(frozen=True)
class Job:
    path: str
    source: Path
    target: Path


def _work(job: Job, settings: PhotoSettings, threads: int) -> Derived | str:
    try:
        return derive(job.source, job.target, settings, threads)
    except DeriveError as error:
        return str(error)


def run_jobs(
    jobs: Sequence[Job], settings: PhotoSettings, processes: int = 0
) -> dict[str, Derived | str]:
    """Derive every job; map its path to the result or to the reason it failed."""
    cores = os.cpu_count() or 1
    workers = max(1, min(processes or cores, len(jobs)))
    threads = max(1, cores // workers)
    results: dict[str, Derived | str] = {}
    with tqdm(
        total=len(jobs),
        unit="photo",
        desc="photos",
        disable=None if len(jobs) >= PROGRESS_THRESHOLD else True,
    ) as progress:
        if workers == 1:
            for job in jobs:
                results[job.path] = _work(job, settings, threads)
                progress.update()
            return results
        # spawn, not fork: the live preview server runs threads, which fork would copy badly.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(_work, job, settings, threads): job for job in jobs}
            for future in as_completed(futures):
                results[futures[future].path] = future.result()
                progress.update()
    return results
