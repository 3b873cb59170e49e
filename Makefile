# travelog: one command to run the example journal, one to run every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

## Build the example journal and serve it with live reload (and live comments).
run: setup
	$(BIN)/travelog serve

## Lint and run every test (browser tests need Debian's chromium: apt-get install chromium).
test: setup
	@test -x /usr/bin/chromium || { echo "make test: /usr/bin/chromium is missing; install it with: sudo apt-get install chromium" >&2; exit 1; }
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/travelog-lock && $(PYTHON) -m venv /tmp/travelog-lock
	/tmp/travelog-lock/bin/pip install --quiet -e ".[dev]"
	{ echo '# Pinned versions for a reproducible install: pip install -c constraints.txt -e ".[dev]"'; \
	  echo '# Regenerate with: make lock'; \
	  /tmp/travelog-lock/bin/pip freeze --exclude-editable; } > constraints.txt

clean:
	rm -rf site .cache .travelog-cache
