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

# the bench also checks that --engine dask gives the same output
$(VENV)/.bench-extras: $(BIN)/recoupe
	$(BIN)/pip install --quiet -e '.[dask]'
	touch $@

run: $(BIN)/recoupe
	@status=0; $(BIN)/recoupe check seeds/ || status=$$?; \
	case $$status in \
	  0) echo "make run: exit code 0, the sources agree on every rule's subject." ;; \
	  1) echo "make run: exit code 1 means recoupe found conflicts between sources (listed above); that is its finding, not a failure of the tool." ;; \
	  *) echo "make run: exit code $$status: an error (see the messages above)."; exit $$status ;; \
	esac

test: $(VENV)/.test-extras
	$(BIN)/python -m pytest

bench: $(VENV)/.bench-extras
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
