# Two commands on a fresh machine: `make run` (the main job) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint bench clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,scale]"
	touch $@ $(STAMP_RUN)

## Build the knowledge graph of seeds/ into out/ (Oxigraph store, graph.html, summary).
run: $(STAMP_RUN)
	$(BIN)/actorgraph build seeds --out out

## System packages the browser tests need (Debian; skipped when not root or already there).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "note: chromium or chromium-driver not installed; the browser tests will be skipped"; fi; \
	fi

## Create or update .venv with the test extras and run the whole suite.
test: $(STAMP_TEST) system-deps
	$(BIN)/python -m pytest -q

lint: $(STAMP_TEST)
	$(BIN)/ruff check actorgraph tests benchmarks
	$(BIN)/mypy actorgraph

## Benchmarks into benchmarks/RESULTS.md; e.g. `make bench BENCH_ARGS=--quick` (about three minutes).
bench: $(STAMP_TEST)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf out .pytest_cache .mypy_cache
