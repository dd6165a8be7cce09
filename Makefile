# Two commands set everything up: `make run` (the app on a demo centre) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_DIR ?= .demo-data

.PHONY: run test lint bench clean-demo translations screenshots-sizes

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,server]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py --data-dir $(DEMO_DIR) demo
	$(PY) main.py --data-dir $(DEMO_DIR) --printer file://$(abspath $(DEMO_DIR))/receipts.escpos

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) -m bench

clean-demo:
	rm -rf $(DEMO_DIR)

# The counter photographed at three screen sizes, each in an X server of that size.
SCREEN_SIZES := 1024x600 1366x768 1920x1080
screenshots-sizes: $(STAMP)
	for size in $(SCREEN_SIZES); do xvfb-run -a -s "-screen 0 $${size}x24" $(PY) tools/screen_sizes.py || exit 1; done

# Re-extract the UI strings into the .ts catalogues and compile the .qm files the app loads:
# ui/<area>/ packages with their own catalogue, the rest of ui/ in omigjen_nb.
AREAS := repairs backoffice day_end sync_screen till_day first_run
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find ui -name '*.py' $(foreach a,$(AREAS),-not -path 'ui/$(a)/*')) -no-obsolete -ts resources/translations/omigjen_nb.ts
	for area in $(AREAS); do [ -d ui/$$area ] && $(VENV)/bin/pyside6-lupdate ui/$$area/*.py -no-obsolete -ts resources/translations/$${area}_nb.ts || true; done
	for ts in resources/translations/*_nb.ts; do $(PY) tools/fill_translations.py $$ts; done
	for ts in resources/translations/*_nb.ts; do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done
