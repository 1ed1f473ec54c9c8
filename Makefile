# One command surface: the README's quick start and CI run exactly these targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 0.0.0.0
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: setup run test lint bench bench-ledger bench-foi bench-search bench-qa bench-portal wrk browser clean

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

setup: $(VENV)/.installed node_modules/.installed
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
bench: bench-ledger bench-foi bench-search bench-qa bench-portal
bench-ledger: setup
	$(PY) bench/ledger/run.py
bench-foi: setup
	$(PY) bench/foi/run.py
bench-search: setup
	$(PY) bench/search/run.py
bench-qa: setup
	$(PY) bench/qa/run.py
# wrk (Debian package) drives the public-page benchmark; installed when missing.
wrk:
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq wrk >/dev/null)
bench-portal: setup wrk
	$(PY) bench/portal/run.py

clean:
	rm -rf $(VENV) node_modules var staticfiles
