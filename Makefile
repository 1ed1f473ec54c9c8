# One command surface: the README's quick start and CI run exactly these targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 0.0.0.0
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: setup run test lint bench bench-ledger bench-foi bench-search bench-qa bench-websites bench-importer bench-reports browser pdf clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium drives the browser tests; Playwright never downloads a browser.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)

# Letters as PDF: WeasyPrint (from pyproject.toml) needs Pango, and the letters are set
# in Noto Serif CJK SC found through fontconfig; both are Debian packages.
pdf:
	@(fc-list :lang=zh family 2>/dev/null | grep -q "Noto Serif CJK SC" \
		&& ldconfig -p | grep -q libpangoft2-1.0) || (apt-get update -qq \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk \
		libpango-1.0-0 libpangoft2-1.0-0 fontconfig >/dev/null)

setup: $(VENV)/.installed node_modules/.installed pdf
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py init_reference_data
	$(PY) manage.py load_demo

run: setup
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

test: setup browser
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# Each benchmark generates its own data and prints its figures beside its reference.
bench: bench-ledger bench-foi bench-search bench-qa bench-websites bench-importer bench-reports
bench-ledger: setup
	$(PY) bench/ledger/run.py
bench-foi: setup
	$(PY) bench/foi/run.py
bench-search: setup
	$(PY) bench/search/run.py
bench-qa: setup
	$(PY) bench/qa/run.py
bench-websites: setup
	$(PY) bench/websites/run.py
bench-importer: setup
	$(PY) bench/importer/run.py
bench-reports: setup
	$(PY) bench/reports/run.py

clean:
	rm -rf $(VENV) node_modules var staticfiles
