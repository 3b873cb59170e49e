"""Run ``python -m MODULE ARGS`` as a fresh process without paying for Python's start-up.

Most of a short ``travelog`` command's CPU is importing travelog and its libraries. A server
process (this file, run as a script) imports the modules once, single-threaded, then forks a
child per command: the child starts from the imported state, takes the caller's working
folder and environment, writes to its own stdout and stderr, runs the module as ``-m`` would
and exits with its status. Each command is still its own process; nothing it changes
survives it. The children are waited for, so their CPU counts in the test run's.
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import runpy
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

# What the server imports before forking: the commands tests run, not their engines.
PRELOADED = ("travelog.cli", "mkdocs.__main__")


class Runner:
    """The client: one server process, started on first use, asked one command at a time."""

    def __init__(self) -> None:
        self._server: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._outputs = Path(tempfile.mkdtemp(prefix="travelog-prefork-"))

    def run(self, module: str, args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess:
        with self._lock:
            server = self._started()
            stdout, stderr = self._outputs / "stdout", self._outputs / "stderr"
            request = {
                "module": module,
                "args": list(args),
                "cwd": str(cwd),
                "env": dict(os.environ),
                "stdout": str(stdout),
                "stderr": str(stderr),
            }
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write(json.dumps(request) + "\n")
            server.stdin.flush()
            answer = server.stdout.readline()
            assert answer, f"the pre-fork server stopped (status {server.poll()})"
            return subprocess.CompletedProcess(
                [sys.executable, "-m", module, *args],
                json.loads(answer)["returncode"],
                stdout.read_text(encoding="utf-8", errors="replace"),
                stderr.read_text(encoding="utf-8", errors="replace"),
            )

    def _started(self) -> subprocess.Popen[str]:
        if self._server is None or self._server.poll() is not None:
            self._server = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        return self._server

    def close(self) -> None:
        if self._server is not None and self._server.poll() is None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            self._server.wait(timeout=60)
        for path in self._outputs.iterdir():
            path.unlink()
        self._outputs.rmdir()


def _child(request: dict) -> int:
    """In the forked child: become ``python -m MODULE ARGS`` in the caller's folder."""
    for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [request["module"], *request["args"]]
    sys.path[0] = os.getcwd()  # as ``-m`` puts it, in place of this script's folder
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
        status = 0
    except SystemExit as done:
        code = done.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        status = 1
    # What the interpreter does on its way out: wait for threads, run exit handlers.
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    return status


def _serve() -> None:
    for name in PRELOADED:
        importlib.import_module(name)
    channel = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        channel.flush()
        pid = os.fork()
        if pid == 0:
            os._exit(_child(request))
        _, status = os.waitpid(pid, 0)
        channel.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        channel.flush()


if __name__ == "__main__":
    _serve()
