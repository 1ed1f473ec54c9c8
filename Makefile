# One command surface: the README's quick start and CI run exactly these targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 0.0.0.0
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := config.settings

PG_BIN := /usr/lib/postgresql/15/bin

.PHONY: static setup run test lint bench bench-ledger bench-foi bench-search bench-qa browser clean \
	install test-postgres smoke postgres-server smoke-servers lock pdf \
	bench-websites bench-importer bench-reports bench-portal wrk assets \
	gettext messages compilemessages

# Exact versions from the lock file (make lock rewrites it), then the project itself.
$(VENV)/.installed: pyproject.toml requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.lock
	$(PIP) install --quiet -e . --no-deps
	touch $@

# Rewrite both lock files from pyproject.toml in clean throw-away environments.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install -q .
	{ sed -n '1,3p' requirements.lock; .lock-venv/bin/pip freeze --exclude-editable \
		| grep -v '^gongkai'; } > requirements.lock.new && mv requirements.lock.new requirements.lock
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install -q '.[dev]'
	{ sed -n '1,3p' requirements-dev.lock; .lock-venv/bin/pip freeze --exclude-editable \
		| grep -v '^gongkai'; } > requirements-dev.lock.new && mv requirements-dev.lock.new requirements-dev.lock
	rm -rf .lock-venv build

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

# PostgreSQL 15, Redis and nginx from Debian, for the CI targets below (never started as
# system services here: the targets start their own on loopback and stop them).
postgres-server:
	@test -x $(PG_BIN)/initdb || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq postgresql-15 >/dev/null)
smoke-servers: postgres-server
	@(command -v redis-server && (command -v nginx || test -x /usr/sbin/nginx)) >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq redis-server redis-tools nginx openssl curl >/dev/null)

# GNU gettext (Debian package): msgfmt compiles the translation catalogues, xgettext
# extracts the marked strings (make messages, and the test that finds untranslated ones).
gettext:
	@(command -v msgfmt && command -v xgettext) >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null)

# The .mo files are build output (not committed): compiled from gongkai/locale/*.po.
compilemessages: $(VENV)/.installed gettext
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=.lock-venv \
		--ignore=staticfiles --ignore=var --verbosity 0

# After marking new strings: extract them into the catalogues, fill zh_Hans and zh_Hant
# (OpenCC), then translate what is left empty or fuzzy in en (see docs/operators.md).
messages: $(VENV)/.installed gettext
	$(PY) manage.py update_catalogues

# ECharts with only the charts and components the pages draw (assets/echarts.js),
# bundled by esbuild (from npm, package.json); served as vendor/echarts/echarts.custom.min.js.
ECHARTS := build/echarts/echarts.custom.min.js
$(ECHARTS): assets/echarts.js node_modules/.installed
	node_modules/.bin/esbuild assets/echarts.js --bundle --minify --format=iife \
		--target=es2017 --legal-comments=eof '--define:process.env.NODE_ENV="production"' \
		--log-level=warning --outfile=$@
# The front-end assets alone (npm packages, the ECharts build): the runbook's install step.
assets: node_modules/.installed $(ECHARTS)

# Hashed static files (the templates need their manifest, tests included); --clear, so
# a file no longer collected (ECharts' full dist of old) is not served on.
static: $(VENV)/.installed node_modules/.installed $(ECHARTS)
	$(PY) manage.py collectstatic --noinput --clear --verbosity 0

setup: static pdf compilemessages
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py init_reference_data
	$(PY) manage.py load_demo

# A real deployment, without demo data (see docs/operators.md): migrate, reference data,
# static files, the first office administrator (asked, or GONGKAI_ADMIN_USERNAME/_PASSWORD).
install: $(VENV)/.installed node_modules/.installed
	mkdir -p var
	$(PY) manage.py install

run: setup
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

test: setup browser
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# The whole suite on PostgreSQL, in a throw-away cluster on loopback (tests/ci/pg.sh).
test-postgres: static browser pdf postgres-server
	tests/ci/test-postgres.sh

# The production stack on loopback: PostgreSQL, Redis, S3 (moto), gunicorn, huey, nginx.
smoke: static postgres-server smoke-servers
	tests/smoke/run.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

# Each benchmark generates its own data and prints its figures beside its reference.
bench: bench-ledger bench-foi bench-search bench-qa bench-websites bench-importer bench-reports bench-portal
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
# wrk (Debian package) drives the public-page benchmark; installed when missing.
wrk:
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq wrk >/dev/null)
bench-portal: setup wrk
	$(PY) bench/portal/run.py

clean:
	rm -rf $(VENV) node_modules var staticfiles build
