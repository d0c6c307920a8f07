# The two quick-start commands: `make run` (the service with the demo corpus) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test lint openapi eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/newsledger ingest examples/seeds
	$(BIN)/newsledger demo-key --url http://$(HOST):$(PORT)
	$(BIN)/newsledger serve --host $(HOST) --port $(PORT)

test: install-test
	bash tests/postgres.sh $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The full evaluation scores quantulum3 beside the numbers extractor: it is in the [test] extra.
eval: install-test
	$(BIN)/python -m bench.evaluate $(EVAL_ARGS)

openapi: install
	$(BIN)/newsledger openapi > openapi/openapi.json

clean:
	rm -rf $(VENV) data build *.egg-info
