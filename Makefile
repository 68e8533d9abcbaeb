PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench report clean

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

# the HTML report of seeds/ and a screenshot of it, by headless Chromium (Debian: apt-get install chromium)
CHROMIUM ?= chromium
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars

report: $(VENV)/.test-extras
	@mkdir -p report
	@status=0; $(BIN)/recoupe check seeds/ --no-cache --format html --output html:report/recoupe-seeds.html > /dev/null || status=$$?; \
	  if [ $$status -gt 1 ]; then echo "make report: recoupe failed (exit code $$status)"; exit $$status; fi
	@echo "report/recoupe-seeds.html written"
	@profile=$$(mktemp -d); \
	  $(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir=$$profile --window-size=1280,2400 \
	    --screenshot=$(CURDIR)/report/recoupe-seeds.png file://$(CURDIR)/report/recoupe-seeds.html 2>/dev/null; \
	  status=$$?; rm -rf $$profile; exit $$status
	@$(BIN)/python tools/shrink_png.py report/recoupe-seeds.png

bench: $(VENV)/.bench-extras
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis report
