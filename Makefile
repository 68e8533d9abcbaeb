PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/recoupe: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-extras: $(BIN)/recoupe
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/recoupe
	$(BIN)/recoupe extract seeds/

test: $(VENV)/.test-extras
	$(BIN)/python -m pytest

bench: $(BIN)/recoupe
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
