# slotline's everyday commands. Needs only python3 (with its venv module) and make.
#   make demo    run the bundled sample business
#   make test    lint, format check, type check and the whole test suite (what CI runs)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Stamps record which install the venv holds; pip runs again only when pyproject.toml is newer.
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev

DEMO_SERVICE ?= haircut
DEMO_DATE    ?= 2026-11-30
DEMO_NOW     ?= 2026-11-25T09:00:00-05:00

.PHONY: demo test lint typecheck unit bench clean

demo: $(RUNTIME_STAMP)
	$(BIN)/slotline slots --service $(DEMO_SERVICE) --date $(DEMO_DATE) --now $(DEMO_NOW)

test: lint typecheck unit

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: $(DEV_STAMP)
	$(BIN)/pytest

bench: $(DEV_STAMP)
	$(BIN)/python -m benchmarks.availability

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(RUNTIME_STAMP)
