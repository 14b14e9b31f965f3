# Goodlife: `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv on the PATH, or installed by pip (`make` does that) and run as a module.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
# Python 3.11 is Goodlife's floor; use it when present. uv never downloads Python here.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
export UV_PYTHON_DOWNLOADS := never
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/goodlife
CHROMIUM ?= /usr/bin/chromium
# Development defaults; production sets its own environment (docs/deploy.md).
DEV_ENV := DEBUG=True

.PHONY: help uv install deps frontend run test test-sqlite test-postgres lint format clean browser bench screenshot

help:
	@echo "make run    install, prepare the demo database and serve on http://$(HOST):$(PORT)"
	@echo "make test   install what tests need and run lint and the whole suite"
	@echo "make lint   ruff and a check for missing migrations"
	@echo "make bench  measure performance; writes bench/results/latest.json"

uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv \
		|| python3 -m pip install --quiet --user uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv

.venv/.synced: pyproject.toml uv.lock | uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

deps: .venv/.synced node_modules/.installed

# GOV.UK Frontend, compiled with Goodlife's settings (no GDS Transport, council header).
static_build/.built: node_modules/.installed frontend/goodlife.scss
	rm -rf static_build && mkdir -p static_build/css static_build/govuk
	npx --no-install sass --quiet --no-source-map --style=compressed --load-path=node_modules \
		frontend/goodlife.scss static_build/css/goodlife.css
	cp -r node_modules/govuk-frontend/dist/govuk/assets static_build/govuk/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static_build/govuk/
	@touch $@

frontend: static_build/.built

install: deps frontend

run: install
	$(DEV_ENV) $(UV) run goodlife migrate --noinput
	$(DEV_ENV) $(UV) run goodlife demo
	@echo "Goodlife is at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(DEV_ENV) $(UV) run goodlife runserver $(HOST):$(PORT)

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi

browser: $(CHROMIUM)

lint: deps
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(DEV_ENV) $(UV) run goodlife makemigrations --check --dry-run

format: deps
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

test-sqlite: install browser
	$(UV) run pytest

# Run again on PostgreSQL when one answers (DATABASE_URL, or the local default).
test-postgres: install browser
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	if $(UV) run python -m goodlife.dbcheck "$$url"; then \
		DATABASE_URL="$$url" $(UV) run pytest $(PG_TESTS); \
	else echo "PostgreSQL did not answer at $$url: skipping the PostgreSQL run"; fi

# The whole suite on both databases at the same time, but each browser journey once: the
# journeys check pages, whose database work every other test checks on both. The journeys
# are shared between the two runs so that they take about as long as each other on two
# cores (BROWSER_ON_PG run with PostgreSQL, the rest with SQLite). SQLite's run is printed
# as it goes, PostgreSQL's after it.
BROWSER_ALL := $(sort $(wildcard tests/browser/test_*.py))
BROWSER_ON_PG := tests/browser/test_sign_off_journey.py tests/browser/test_support_plan_journey.py \
	tests/browser/test_discard_draft_journey.py tests/browser/test_network_suggestions_journey.py
PG_TESTS := $(addprefix --ignore=,$(filter-out $(BROWSER_ON_PG),$(BROWSER_ALL)))
SQLITE_TESTS := $(addprefix --ignore=,$(BROWSER_ON_PG))
test: lint install browser
	@url="$${DATABASE_URL:-$(PG_URL)}"; log=.test-postgres.log; \
	if $(UV) run python -m goodlife.dbcheck "$$url"; then \
		DATABASE_URL="$$url" $(UV) run pytest $(PG_TESTS) >"$$log" 2>&1 & pg=$$!; \
		env -u DATABASE_URL $(UV) run pytest $(SQLITE_TESTS); sqlite=$$?; \
		wait $$pg; postgres=$$?; \
		echo; echo "=== the same suite on PostgreSQL ($$url) ==="; cat "$$log"; \
		echo "SQLite run: exit $$sqlite; PostgreSQL run: exit $$postgres"; \
		[ $$sqlite = 0 ] && [ $$postgres = 0 ]; \
	else echo "PostgreSQL did not answer at $$url: SQLite only"; \
		env -u DATABASE_URL $(UV) run pytest; fi

# Performance figures live here, never in timed unit tests (docs/performance.md).
# The benchmark databases are made once and kept (bench/*.sqlite3 is git-ignored; the
# PostgreSQL ones are goodlife_bench_<scale>): remove them to remake them.
BENCH_SMALL_SQLITE := sqlite:///$(CURDIR)/bench/small.sqlite3
BENCH_PG := postgres://postgres@127.0.0.1:5432/goodlife_bench

bench: deps frontend
	$(UV) run python bench/language.py
	$(UV) run python bench/prepare.py $(BENCH_SMALL_SQLITE) small
	DATABASE_URL=$(BENCH_SMALL_SQLITE) $(UV) run python bench/pages.py --scale small --label sqlite
	@if $(UV) run python bench/prepare.py $(BENCH_PG)_small small; then \
		DATABASE_URL=$(BENCH_PG)_small $(UV) run python bench/pages.py --scale small --label postgresql; \
		$(UV) run python bench/prepare.py $(BENCH_PG)_council council && \
		DATABASE_URL=$(BENCH_PG)_council $(UV) run python bench/pages.py --scale council --label postgresql && \
		DATABASE_URL=$(BENCH_PG)_council $(UV) run python bench/load.py --scale council --label postgresql; \
	fi
	$(UV) run python bench/report.py

# The README's screenshot of a person's page, from a fresh demo (docs/images/screenshot.py).
screenshot: install browser
	GOODLIFE_CHROMIUM=$(CHROMIUM) $(UV) run python docs/images/screenshot.py

clean:
	rm -rf static_build staticfiles node_modules .venv
