# Two commands set everything up: `make run` (the app on a demo centre) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_DIR ?= .demo-data

.PHONY: run test lint bench clean-demo translations screenshots screenshots-sizes \
	screenshots-counter

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,server]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py --data-dir $(DEMO_DIR) demo
	$(PY) main.py --data-dir $(DEMO_DIR) --printer file://$(abspath $(DEMO_DIR))/receipts.escpos

# The suite on every core (TEST_WORKERS=0 runs it in one process): most tests wait on a real
# process, database, X server or printer socket, so workers overlap the waits.
TEST_WORKERS ?= auto
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(TEST_WORKERS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) -m bench

clean-demo:
	rm -rf $(DEMO_DIR)

# Every picture README.md and docs/ show (tests/docs/test_screenshots_made.py holds them to this
# list): the counter's screens in an Xvfb of a counter's size, the three screen sizes, and the
# web back office (its browser test writes them; skipped, saying why, without PostgreSQL or
# Chromium).
COUNTER_SHOTS := tools/screenshots.py tools/repairs_screenshots.py tools/till_day_screenshots.py \
	tools/print_screenshots.py
screenshots: $(STAMP) screenshots-sizes screenshots-counter
	OMIGJEN_KEEP_SCREENSHOTS=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -rs \
		tests/web/test_back_office_browser.py

# The counter's pictures alone (CI: the web's are written by the browser test in `make test`).
screenshots-counter: $(STAMP)
	for tool in $(COUNTER_SHOTS); do xvfb-run -a -s "-screen 0 1366x768x24" $(PY) $$tool || exit 1; done

# The counter photographed at three screen sizes, each in an X server of that size.
SCREEN_SIZES := 1024x600 1366x768 1920x1080
screenshots-sizes: $(STAMP)
	for size in $(SCREEN_SIZES); do xvfb-run -a -s "-screen 0 $${size}x24" $(PY) tools/screen_sizes.py || exit 1; done

# Re-extract the UI strings into the .ts catalogues and compile the .qm files the app loads:
# ui/<area>/ packages with their own catalogue, the rest of ui/ in omigjen_*. Bokmål catalogues
# hold every string; the English ones only the counted strings (Qt's %n: "1 item", "2 items"),
# English being the source language. Fails (after compiling) when any entry is still empty.
AREAS := repairs backoffice day_end sync_screen till_day first_run
translations: $(STAMP)
	for lang in nb en; do \
	  only=$$([ $$lang = en ] && echo -pluralonly); \
	  $(VENV)/bin/pyside6-lupdate $$(find ui -name '*.py' $(foreach a,$(AREAS),-not -path 'ui/$(a)/*')) -no-obsolete $$only -ts resources/translations/omigjen_$$lang.ts || exit 1; \
	  for area in $(AREAS); do [ -d ui/$$area ] && $(VENV)/bin/pyside6-lupdate ui/$$area/*.py -no-obsolete $$only -ts resources/translations/$${area}_$$lang.ts || true; done; \
	done
	status=0; \
	for ts in resources/translations/*_nb.ts resources/translations/*_en.ts; do $(PY) tools/fill_translations.py $$ts || status=1; done; \
	for ts in resources/translations/*_nb.ts resources/translations/*_en.ts; do $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done; \
	exit $$status
