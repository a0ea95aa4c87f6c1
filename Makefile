# Two commands run the store: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
# The PostgreSQL pass of `make test` (CI sets CI=true, so it may not be skipped).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kepos
PYTEST_WORKERS ?= 2
# Local runs are plain HTTP on loopback and sign with this checkout's own key
# (created once in var/); production sets DJANGO_SECRET_KEY and keeps HTTPS on.
SECRET_KEY_FILE := var/secret_key
export DJANGO_HTTPS ?= false
export DJANGO_SECRET_KEY_FILE ?= $(CURDIR)/$(SECRET_KEY_FILE)

.PHONY: help run serve test test-sqlite test-postgres test-browser lint format check install dev-install demo bench bench-scale clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

$(SECRET_KEY_FILE): | $(VENV)/.runtime
	@$(PY) -m shop.secret_key >/dev/null

install: $(VENV)/.runtime $(SECRET_KEY_FILE) ## Create .venv and install the runtime dependencies

dev-install: $(VENV)/.dev $(SECRET_KEY_FILE) ## Also install test and lint tools

demo: install ## Migrate and load the demo data (idempotent)
	DJANGO_DEBUG=true $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=true $(PY) manage.py load_demo_data

run: demo ## Set everything up and serve the demo on http://127.0.0.1:8000/ (PORT= overrides)
	@echo "Serving the store on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	DJANGO_DEBUG=true DJANGO_CACHE=locmem $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install ## Serve like production: collectstatic + gunicorn + whitenoise (DEBUG off)
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(BIN)/gunicorn shop.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

lint: dev-install ## The pre-commit hooks on every file: ruff check, ruff format, djhtml
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: dev-install ## Apply ruff's formatting and safe fixes, and djhtml's indentation
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files 'templates/*.html')

check: dev-install ## Django system checks and the missing-migrations check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

test-sqlite: dev-install ## Test pass 1: everything but PostgreSQL and browser tests, on SQLite
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not postgres and not browser"

test-postgres: dev-install ## Test pass 2: everything but browser tests, on PostgreSQL
	@if DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -c "import django,os; os.environ['DJANGO_SETTINGS_MODULE']='shop.settings'; django.setup(); from django.db import connection; connection.ensure_connection()" 2>/dev/null \
		|| [ "$$CI" = "true" ]; then \
		DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) -m "not browser"; \
	else \
		echo "SKIPPED the PostgreSQL pass: no server at $(TEST_DATABASE_URL) (set TEST_DATABASE_URL)"; \
	fi

test-browser: dev-install ## Test pass 3: the Playwright tests in Chromium (each worker its own live server)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m browser

test: lint check test-sqlite test-postgres test-browser ## All gates and all three test passes

bench: demo ## Pages as a share of a bare view's throughput (wrk), then subscription renewals; fails under target
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py bench
	$(PY) manage.py bench_renewals

# make bench-scale: the same run on a store of campaign size, held to the demo-size run
# of `make bench` on the same kind of database (a PostgreSQL database must exist first).
SCALE_DATABASE_URL ?= sqlite:///$(CURDIR)/var/bench/scale.sqlite3
BENCH_RESULTS ?= var/bench/results.json
SCALE_RESULTS ?= var/bench/results-scale.json

bench-scale: install ## make bench at 10,000 products and 50,000 orders (after make bench): no page loses a third, no query count grows
	@test -f $(BENCH_RESULTS) || { echo "Run make bench first: $(BENCH_RESULTS) is the demo-size run to compare with."; exit 1; }
	@mkdir -p var/bench
	DATABASE_URL=$(SCALE_DATABASE_URL) DJANGO_DEBUG=true $(PY) manage.py migrate --no-input
	DATABASE_URL=$(SCALE_DATABASE_URL) DJANGO_DEBUG=true $(PY) manage.py load_demo_data
	DATABASE_URL=$(SCALE_DATABASE_URL) $(PY) manage.py generate_bench_data
	$(PY) manage.py collectstatic --no-input --verbosity 0
	DATABASE_URL=$(SCALE_DATABASE_URL) $(PY) manage.py bench --label scale \
		--output $(SCALE_RESULTS) --compare $(BENCH_RESULTS)

clean: ## Remove local state (database, media, collected static); keeps .venv
	rm -rf var
