# slotline's everyday commands. Needs only python3 (with its venv module) and make.
#   make demo    run the bundled sample business
#   make test    lint, format check, type check and the whole test suite (what CI runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Stamps record which install the venv holds; pip runs again only when pyproject.toml is newer.
# The demo needs the telcoflow extra (the loopback call and the offline voice); tests need every extra ([dev]).
RUNTIME_STAMP := $(VENV)/.installed-demo
DEV_STAMP     := $(VENV)/.installed-dev
# A third-party backend published through an entry point, installed for the plugin tests (tests/e2e/test_plugins.py).
EXAMPLE_PLUGIN := tests/plugins/slotline-example-crm

DEMO_NOW     ?= 2026-11-25T09:00:00-05:00
# espeak-ng (the offline voice) and chromium with its driver (the console's browser test) come from the system's
# packages; install them when missing (root, or sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint typecheck unit bench clean system-packages

demo: $(RUNTIME_STAMP) system-packages
	$(BIN)/slotline demo --now $(DEMO_NOW)

test: lint typecheck unit

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: $(DEV_STAMP) system-packages
	$(BIN)/pytest

system-packages:
	@command -v espeak-ng >/dev/null 2>&1 || { \
	  echo "installing espeak-ng (offline text-to-speech) with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null; }
	@{ command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; } || { \
	  echo "installing chromium and chromium-driver (the console's headless-browser test) with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

bench: $(DEV_STAMP) system-packages
	$(BIN)/python -m benchmarks.availability
	$(BIN)/python -m benchmarks.dialogue_turn
	$(BIN)/python -m benchmarks.understanding
	$(BIN)/python -m benchmarks.conversations
	$(BIN)/python -m benchmarks.telephony
	$(BIN)/python -m benchmarks.recognition

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[telcoflow]'
	touch $@

$(DEV_STAMP): pyproject.toml $(EXAMPLE_PLUGIN)/pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]' -e $(EXAMPLE_PLUGIN)
	touch $@ $(RUNTIME_STAMP)
