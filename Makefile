# PAR Learn: `make run` serves the demo site (with its task worker and scheduler), `make test`
# runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PG_URL ?= postgres://postgres@127.0.0.1:5432/parlearn
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install axe run demo migrate test test-postgres lint format check pytest bench bench-hr bench-load bench-search messages clean

$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "PAR Learn needs Python 3.11 or newer (set PYTHON=python3.11).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# The browser tests (tests/browser) run in Debian's Chromium when it is installed, and are
# skipped, with this message, when it is not; REQUIRE_BROWSER=1 (CI) turns the skip into a failure.
CHROMIUM := /usr/bin/chromium
BROWSER_NOTE := if [ ! -x $(CHROMIUM) ]; then \
	if [ "$$REQUIRE_BROWSER" = 1 ]; then echo "Không có $(CHROMIUM), mà REQUIRE_BROWSER=1: các kiểm thử trình duyệt sẽ báo lỗi."; \
	else echo "Bỏ qua kiểm thử trình duyệt: không có $(CHROMIUM) (cài bằng: apt-get install chromium)."; fi; fi

# axe-core, for the browser tests' accessibility checks: from npm, when there is an npm.
axe: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "Không có npm: chưa cài axe-core, kiểm tra khả năng tiếp cận trong tests/browser sẽ bị bỏ qua."; fi

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_par_demo

# The development server, a task worker (db_worker) and the scheduler (run_scheduler), together:
# Ctrl-C stops all three (home/management/commands/run_site.py).
run: demo
	$(BIN)/python manage.py run_site $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check --settings=settings.test
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=settings.test

pytest: install axe
	@$(BROWSER_NOTE)
	$(BIN)/python -m pytest

test: lint check pytest

test-postgres: install axe
	@DATABASE_URL=$(PG_URL) $(BIN)/python -c 'import os, psycopg; psycopg.connect(os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", connect_timeout=5).close()' \
		|| { echo "No PostgreSQL server answers at $(PG_URL): start it, or set PG_URL."; exit 1; }
	DATABASE_URL=$(PG_URL) $(BIN)/python manage.py check --settings=settings.test
	@$(BROWSER_NOTE)
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest --create-db

bench: install
	$(BIN)/python bench/lesson_page.py
	$(BIN)/python bench/slide_import.py

# HR reports over 10,000 people and 1,000,000 progress rows; DATABASE_URL set: PostgreSQL.
bench-hr: install
	$(BIN)/python bench/hr_reports.py

# TRAINEES simulated trainees (default 50) for DURATION seconds (default 45), gunicorn with 4 workers:
# SQLite, or PostgreSQL (and Redis) when DATABASE_URL (and REDIS_URL) are set.
bench-load: install
	$(BIN)/python bench/load.py

bench-search: install  # search over 200 lessons with slides: p50/p99 per query (DATABASE_URL: PostgreSQL)
	$(BIN)/python bench/search.py

messages: install
	cd $(CURDIR) && $(BIN)/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
