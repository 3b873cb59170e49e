"""Run derivations over all cores, with a progress bar on long runs."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
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
    jobs: Sequence[Job],
    settings: PhotoSettings,
    processes: int = 0,
    *,
    on_result: Callable[[Job, Derived | str], None] | None = None,
    stop: threading.Event | None = None,
) -> dict[str, Derived | str]:
    """Derive every job; map its path to the result or to the reason it failed.

    ``on_result`` hears of each job as it ends (and replaces the progress bar); once
    ``stop`` is set, jobs not yet started are cancelled and left out of the result.
    """
    cores = os.cpu_count() or 1
    workers = max(1, min(processes or cores, len(jobs)))
    threads = max(1, cores // workers)
    results: dict[str, Derived | str] = {}
    quiet = on_result is not None or len(jobs) < PROGRESS_THRESHOLD

    def finished(job: Job, outcome: Derived | str) -> None:
        results[job.path] = outcome
        progress.update()
        if on_result is not None:
            on_result(job, outcome)

    with tqdm(
        total=len(jobs), unit="photo", desc="photos", disable=True if quiet else None
    ) as progress:
        if workers == 1:
            for job in jobs:
                if stop is not None and stop.is_set():
                    break
                finished(job, _work(job, settings, threads))
            return results
        # spawn, not fork: the live preview server runs threads, which fork would copy badly.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(_work, job, settings, threads): job for job in jobs}
            for future in as_completed(futures):
                if stop is not None and stop.is_set():
                    pool.shutdown(wait=False, cancel_futures=True)
                    break
                finished(futures[future], future.result())
    return results
