"""The next steps ``travelog init`` prints work when typed as printed, whether or not
``travelog`` is on the PATH of the shell that ran it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import WAIT_SECONDS, free_port, wait_until
from photo_helpers import http_get

INSTALL_BIN = Path(sys.executable).parent
SYSTEM_PATH = "/usr/bin:/bin"


def _steps(output: str) -> list[str]:
    """The indented command lines under "next steps:"."""
    lines = output.splitlines()
    start = lines.index("next steps:") + 1
    return [line.strip() for line in lines[start:] if line.startswith("  ")]


def _shell(script: str, cwd: Path, path: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PATH": path}
    return subprocess.run(
        ["bash", "-euc", script], cwd=cwd, env=environ, capture_output=True, text=True
    )


@pytest.mark.e2e
@pytest.mark.parametrize(
    "path",
    [SYSTEM_PATH, f"{INSTALL_BIN}:{SYSTEM_PATH}"],
    ids=["travelog not on PATH", "travelog on PATH"],
)
def test_printed_next_steps_run_as_printed(tmp_path: Path, path: str):
    init = _shell(f"{INSTALL_BIN / 'travelog'} init 'my journal'", tmp_path, path)
    assert init.returncode == 0, init.stderr
    cd, new, serve = _steps(init.stdout)
    on_path = path != SYSTEM_PATH
    assert new.startswith("travelog new" if on_path else f"{INSTALL_BIN / 'travelog'} new")

    written = _shell(f"{cd}\n{new}", tmp_path, path)
    assert written.returncode == 0, written.stderr
    journal = tmp_path / "my journal"
    assert (journal / written.stdout.strip()).is_file()

    # The preview as printed, on free ports so parallel runs cannot collide.
    config = journal / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"port: \d+", "port: 0", text, count=1), encoding="utf-8")
    address = f"127.0.0.1:{free_port()}"
    command = serve.partition("#")[0].strip()
    log = tmp_path / "serve.log"
    with log.open("w") as stream:
        server = subprocess.Popen(
            ["bash", "-euc", f"{cd}\nexec {command} -a {address}"],
            cwd=tmp_path,
            env={**os.environ, "PATH": path},
            stdout=stream,
            stderr=subprocess.STDOUT,
        )

    def home_lists_the_entry() -> str | None:
        status, body = http_get(f"http://{address}/")
        text = body.decode("utf-8", errors="replace")
        return text if status == 200 and "My first entry" in text else None

    try:
        wait_until(
            home_lists_the_entry,
            "the preview to list the new entry",
            process=server,
            output=log.read_text,
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=WAIT_SECONDS)
    assert server.returncode in (0, -signal.SIGTERM), log.read_text()
