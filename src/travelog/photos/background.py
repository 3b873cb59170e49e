"""Derive photos in the background while the live preview already serves pages.

The preview's first build shows placeholders of the planned sizes for photos not derived
yet (see :func:`travelog.photos.derive.plan`) and hands them here; a thread derives them
with the usual process pool, reports progress one line at a time, and signals the preview to
rebuild as photos arrive, so open pages reload with them. A photo that fails is kept with
its reason, which the next build reports like any bad photo.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from travelog.atomic import write_text_atomic
from travelog.photos.derive import Derived
from travelog.photos.pool import Job, run_jobs
from travelog.photos.settings import CACHE_DIR, PhotoSettings

# Rebuild at most this often while photos keep arriving (and once more when all are in):
# a rebuild of a large journal takes seconds, deriving a photo a fraction of one.
SIGNAL_INTERVAL = 3.0
ARRIVALS_DIR = "arrivals"


def arrivals_folder(project_dir: Path) -> Path:
    """The folder the preview watches: a file in it changes whenever photos have arrived."""
    return project_dir / CACHE_DIR / ARRIVALS_DIR


def signal_arrival(project_dir: Path) -> None:
    write_text_atomic(arrivals_folder(project_dir) / "stamp", f"{time.time_ns()}\n")


class BackgroundPhotos:
    def __init__(
        self,
        processes: int,
        *,
        arrived: Callable[[], None],
        report: Callable[[str], None],
    ):
        self._processes = processes
        self._arrived = arrived
        self._report = report
        self._lock = threading.Lock()
        self._queue: list[tuple[Job, PhotoSettings]] = []
        self._queued: set[Path] = set()
        # Targets written already: a build that looked before one was written must not queue
        # it again (its arrival signal brings another build, which finds it).
        self._written: set[Path] = set()
        self._failed: dict[Path, str] = {}
        self._stop = threading.Event()
        self._started = False
        self._thread: threading.Thread | None = None
        self._done = 0
        self._total = 0
        self._last_signal = 0.0

    def failure(self, job: Job) -> str | None:
        """Why this job failed in the background, if it did."""
        with self._lock:
            return self._failed.get(job.target)

    def submit(self, jobs: Sequence[Job], settings: PhotoSettings) -> None:
        """Queue the jobs not queued already; they start once :meth:`start` was called."""
        with self._lock:
            for job in jobs:
                target = job.target
                if not (
                    target in self._queued or target in self._written or target in self._failed
                ):
                    self._queue.append((job, settings))
                    self._queued.add(job.target)
                    self._total += 1
        self._wake()

    def start(self) -> None:
        """Begin deriving (the preview calls this once it serves and watches for arrivals)."""
        with self._lock:
            self._started = True
        self._wake()

    def stop(self) -> None:
        """Cancel what has not started; wait for the thread to end."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join()

    def _wake(self) -> None:
        with self._lock:
            if not self._started or not self._queue or self._stop.is_set():
                return
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(target=self._run, name="travelog-photos", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                if not self._queue:
                    self._thread = None
                    break
                settings = self._queue[0][1]
                batch = [job for job, wanted in self._queue if wanted == settings]
                self._queue = [(job, wanted) for job, wanted in self._queue if wanted != settings]
            self._report(f"deriving {len(batch)} photos in the background")
            run_jobs(batch, settings, self._processes, on_result=self._finished, stop=self._stop)
        if not self._stop.is_set():
            self._signal()

    def _finished(self, job: Job, outcome: Derived | str) -> None:
        with self._lock:
            self._done += 1
            self._queued.discard(job.target)
            if isinstance(outcome, str):
                self._failed[job.target] = outcome
            else:
                self._written.add(job.target)
            done, total = self._done, self._total
        self._report(f"photos: {done} of {total} ready ({job.path})")
        if time.monotonic() - self._last_signal >= SIGNAL_INTERVAL:
            self._signal()

    def _signal(self) -> None:
        self._last_signal = time.monotonic()
        self._arrived()
