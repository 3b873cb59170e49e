# travelog: one command to run the example journal, one to run every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make install`: travelog in a virtual environment of its own, linked into PREFIX/bin.
PREFIX ?= $(HOME)/.local
INSTALL_VENV := $(PREFIX)/share/travelog/venv
# Where the browser tests expect Debian's chromium (tests/conftest.py: CHROMIUM).
CHROMIUM := /usr/bin/chromium

.PHONY: setup run test test-fast chromium install lint lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

## Build the example journal and serve it with live reload (and live comments).
run: setup
	$(BIN)/travelog serve

## Lint and run every test, installing Debian's chromium first when it is missing.
test: lint chromium
	$(BIN)/pytest

## The quick loop: every test but the browser and end-to-end ones (pytest markers).
test-fast: setup
	$(BIN)/pytest -m "not browser and not e2e"

## Debian's chromium for the browser tests and rsync for the deploy tests (apt-get, with
## sudo when not root).
chromium:
	@{ test -x $(CHROMIUM) && command -v rsync >/dev/null; } || { \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium rsync >/dev/null; }

## Put `travelog` on your PATH for journals in any folder (PREFIX/bin, default ~/.local/bin).
install:
	$(PYTHON) -m venv $(INSTALL_VENV)
	$(INSTALL_VENV)/bin/pip install --quiet --upgrade "pip>=24"
	$(INSTALL_VENV)/bin/pip install --quiet -c constraints.txt ".[zensical]"
	mkdir -p $(PREFIX)/bin
	ln -sf $(INSTALL_VENV)/bin/travelog $(PREFIX)/bin/travelog
	@echo "installed $(PREFIX)/bin/travelog"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/travelog-lock && $(PYTHON) -m venv /tmp/travelog-lock
	/tmp/travelog-lock/bin/pip install --quiet -e ".[dev]"
	{ echo '# Pinned versions for a reproducible install: pip install -c constraints.txt -e ".[dev]"'; \
	  echo '# Regenerate with: make lock'; \
	  /tmp/travelog-lock/bin/pip freeze --exclude-editable; } > constraints.txt

clean:
	rm -rf site build .cache .travelog-cache
