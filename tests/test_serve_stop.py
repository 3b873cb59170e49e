"""``travelog serve`` stopped with SIGTERM while the photo step derives a cold cache: the
preview, its photo workers and multiprocessing's resource tracker all stop with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_journal, free_port, wait_until

PROC = Path("/proc")


def _stat(pid: int) -> tuple[str, int, str] | None:
    """(state, parent, start time) of a process, or None when it is gone."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1]), fields[19]


def _descendants(root: int) -> dict[int, str]:
    """Every live process below ``root``: pid -> start time (a reused pid does not match)."""
    parents: dict[int, int] = {}
    started: dict[int, str] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[0] != "Z":
            parents[int(entry.name)], started[int(entry.name)] = stat[1], stat[2]
    found: dict[int, str] = {}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for pid, its_parent in parents.items():
            if its_parent == parent and pid not in found:
                found[pid] = started[pid]
                frontier.append(pid)
    return found


def _command(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _photo_processes(root: int) -> set[str]:
    """Which of the photo step's kinds of process run below ``root``."""
    commands = [_command(pid) for pid in _descendants(root)]
    return {kind for kind in ("spawn_main", "resource_tracker") if any(kind in c for c in commands)}


def _still_running(processes: dict[int, str]) -> list[str]:
    return [
        f"{pid} {_command(pid)}"
        for pid, started in processes.items()
        if (stat := _stat(pid)) and stat[0] != "Z" and stat[2] == started
    ]


@pytest.mark.e2e
@pytest.mark.skipif(not PROC.is_dir(), reason="lists processes through /proc (Linux)")
def test_sigterm_during_a_cold_photo_step_leaves_no_process_behind(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "provider: isso" in text
    config.write_text(text.replace("provider: isso", "provider: none"), encoding="utf-8")
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen(
        [sys.executable, "-m", "travelog", "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(
            lambda: _photo_processes(serve.pid) >= {"spawn_main", "resource_tracker"},
            "photo workers of the cold photo step and multiprocessing's resource tracker",
            process=serve,
            output=lambda: (tmp_path / "serve.log").read_text(),
        )
        started = _descendants(serve.pid)
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 0, (tmp_path / "serve.log").read_text()
    finally:
        if serve.poll() is None:  # the test failed before SIGTERM: leave nothing running
            for pid in [*_descendants(serve.pid), serve.pid]:
                os.kill(pid, signal.SIGKILL)
            serve.wait()
        log.close()
    assert _still_running(started) == [], (tmp_path / "serve.log").read_text()
