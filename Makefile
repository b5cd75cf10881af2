# Each target sets up what it needs: a fresh clone needs only `make serve` or `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

.PHONY: serve build offline pdf anki vendor test bench search-report clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

offline: $(STAMP)
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir site-offline
	$(BIN)/python -c "import shutil; shutil.make_archive('aws-ml-study-offline', 'zip', 'site-offline')"
	@echo "Offline copy: site-offline/ (open site-offline/index.html) and aws-ml-study-offline.zip"

# Re-fetch the pinned browser libraries (scripts/vendor.py) into overrides/assets/javascripts/vendor/.
vendor: $(STAMP)
	$(BIN)/python scripts/vendor.py

pdf: $(STAMP)
	$(BIN)/python scripts/pdfs.py

anki: $(STAMP)
	$(BIN)/python scripts/anki.py

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist worksteal

LIGHTHOUSE := scripts/lighthouse/node_modules/.package-lock.json

$(LIGHTHOUSE): scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund --ignore-scripts

# PAGES="practice/progress/ start/services/" limits the Lighthouse part to those pages.
bench: $(STAMP) $(LIGHTHOUSE)
	$(BIN)/python scripts/bench.py
	PAGES="$(PAGES)" $(BIN)/python scripts/lighthouse.py

search-report: $(STAMP)
	$(BIN)/python scripts/search_probe.py

clean:
	rm -rf site site-offline aws-ml-study-offline.zip pdf anki .pytest_cache
