"""Isso as travelog runs it: safe settings, secrets only from the environment, and
``travelog serve`` starting and stopping a real Isso beside the live preview."""

from __future__ import annotations

import configparser
import dataclasses
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from conftest import WAIT_SECONDS, copy_journal, free_port, wait_until

from travelog.comments.isso_server import IssoSetup, is_answering, isso_config


def parsed(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    return parser


def setup_in(folder: Path) -> IssoSetup:
    return IssoSetup(
        data_dir=folder,
        port=8090,
        site_origins=("http://127.0.0.1:8000",),
        public_endpoint="http://127.0.0.1:8090",
    )


def test_generated_config_is_safe_without_any_secret(tmp_path: Path):
    config = parsed(isso_config(setup_in(tmp_path / "isso"), {}))
    assert config["general"]["dbpath"] == str(tmp_path / "isso" / "comments.db")
    assert config["moderation"]["enabled"] == "true"
    assert config["guard"]["enabled"] == "true"
    assert config["guard"]["ratelimit"] == "2"
    assert config["guard"]["require-author"] == "true"
    assert config["general"]["gravatar"] == "false"
    assert config["admin"]["enabled"] == "false"
    assert config["general"]["notify"] == ""
    salt = config["hash"]["salt"]
    assert len(salt) >= 24 and salt != "Eech7co8Ohloopo9Ol6baimi"
    assert (tmp_path / "isso" / "salt").read_text().strip() == salt
    assert oct((tmp_path / "isso" / "salt").stat().st_mode & 0o777) == "0o600"
    again = parsed(isso_config(setup_in(tmp_path / "isso"), {}))
    assert again["hash"]["salt"] == salt, "the salt is kept with the data"
    other = parsed(isso_config(setup_in(tmp_path / "other"), {}))
    assert other["hash"]["salt"] != salt, "each site gets its own salt"


def test_admin_and_mail_only_from_the_environment(tmp_path: Path):
    environ = {
        "TRAVELOG_ISSO_ADMIN_PASSWORD": "correct horse",
        "TRAVELOG_SMTP_HOST": "smtp.example.org",
        "TRAVELOG_SMTP_USERNAME": "claire",
        "TRAVELOG_SMTP_PASSWORD": "secret",
        "TRAVELOG_SMTP_TO": "claire@example.org",
    }
    config = parsed(isso_config(setup_in(tmp_path), environ))
    assert config["admin"]["enabled"] == "true"
    assert config["admin"]["password"] == "correct horse"
    assert config["general"]["notify"] == "smtp"
    assert config["smtp"]["host"] == "smtp.example.org"
    assert config["smtp"]["port"] == "587"
    assert config["smtp"]["security"] == "starttls"
    assert config["smtp"]["from"] == "claire@example.org"


def test_notification_emails_come_in_the_journals_name(tmp_path: Path):
    """Isso names a sender without a name "Ich schrei sonst!"; the journal's name is used."""
    from isso.config import load as load_isso_config

    environ = {"TRAVELOG_SMTP_HOST": "smtp.example.org", "TRAVELOG_SMTP_TO": "claire@example.org"}
    setup = dataclasses.replace(setup_in(tmp_path / "isso"), sender_name="Two Years in Shenzhen")
    path = tmp_path / "isso.cfg"
    path.write_text(isso_config(setup, environ), encoding="utf-8")
    sender = load_isso_config(str(path)).get("smtp", "from")
    assert sender == "Two Years in Shenzhen <claire@example.org>"
    # A name the writer gave in TRAVELOG_SMTP_FROM stays.
    environ["TRAVELOG_SMTP_FROM"] = "Claire <claire@example.org>"
    path.write_text(isso_config(setup, environ), encoding="utf-8")
    assert load_isso_config(str(path)).get("smtp", "from") == "Claire <claire@example.org>"


@pytest.mark.e2e
def test_serve_runs_isso_beside_the_preview_and_stops_it(tmp_path: Path, page):
    project = copy_journal(tmp_path / "journal")
    isso_port, preview_port = free_port(), free_port()
    config_file = project / "mkdocs.yml"
    config = config_file.read_text("utf-8").replace("port: 8090", f"port: {isso_port}")
    assert f"port: {isso_port}" in config
    config_file.write_text(config, "utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TRAVELOG_")}
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen(
        [sys.executable, "-m", "travelog", "serve", "-a", f"127.0.0.1:{preview_port}"],
        cwd=project,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    isso = f"http://127.0.0.1:{isso_port}/"
    preview = f"http://127.0.0.1:{preview_port}/"
    try:
        wait_until(
            lambda: is_answering(isso) and _answers(preview),
            "travelog serve to answer with the preview and Isso",
            process=serve,
            output=(tmp_path / "serve.log").read_text,
        )
        page.goto(preview + "2024/09/park-cameras/")
        assert page.locator(".travelog-live").get_attribute("data-isso-endpoint") == isso
        page.get_by_label("Your comment").wait_for()
        assert page.get_by_label("Your name").count() == 1
        assert page.locator(".travelog-archive .travelog-comment").count() == 5
        data = project / "data" / "isso"
        assert (data / "comments.db").is_file() and (data / "salt").is_file()
        # Commenters' emails and the salt: readable by the journal's owner only.
        assert oct(data.stat().st_mode & 0o777) == "0o700"
        for secret in ("comments.db", "salt", "isso.cfg"):
            assert oct((data / secret).stat().st_mode & 0o777) == "0o600", secret
        assert parsed((data / "isso.cfg").read_text())["moderation"]["enabled"] == "true"
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=WAIT_SECONDS)
        log.close()
    assert not is_answering(isso), "stopping the preview stops Isso"
    assert not (project / "site").exists() or not any((project / "site").rglob("*.db"))


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False
