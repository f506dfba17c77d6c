# Two commands for a newcomer: `make run` (local site with demo content) and `make test`.
# Everything else is listed by `make help`.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Rebuilt whenever pyproject.toml changes, so reruns skip pip entirely.
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
RUFF_PATHS := .

.DEFAULT_GOAL := help
.PHONY: help install system-deps run migrate seed superuser test test-fast check audit lint format pre-commit bench bench-login backup restore clean

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	@# Without ensurepip (Debian's python3-venv missing) venv leaves a .venv without pip: redo it.
	@test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV) || { \
		echo "Could not create $(VENV) with $(PYTHON). On Debian: apt-get install python3-venv" >&2; \
		exit 1; }
	$(BIN)/python -m pip install --disable-pip-version-check --quiet ".[dev]"
	@touch $@

install: $(INSTALLED) ## Create .venv and install the pinned dependencies (incl. dev tools)

system-deps: ## Install missing Debian packages for the tests (chromium, Java, npm)
	@bash scripts/ensure-system-deps

# Test tools from npm (the Nu HTML Checker), pinned in package-lock.json.
NODE_INSTALLED := node_modules/.installed
$(NODE_INSTALLED): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

migrate: $(INSTALLED) ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the twelve municipalities and the demo content
	$(BIN)/python manage.py seed_demo

run: seed ## Serve the site with demo content on http://127.0.0.1:8000
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The operator at this shell is the out-of-band channel: the printed link sets up the second
# factor, without which the account opens nothing.
superuser: migrate ## Create an admin account for /admin/ and print its link to set up the second factor
	@read -r -p "Benutzername: " name && test -n "$$name" && \
	$(BIN)/python manage.py createsuperuser --username "$$name" && \
	$(BIN)/python manage.py enrolment_link "$$name" --site "http://$(HOST):$(PORT)"

backup: $(INSTALLED) ## Archive the database and all uploads (last line: the archive's path)
	$(BIN)/python manage.py backup

restore: $(INSTALLED) ## Restore ARCHIVE=... into an empty database and media folder
	@test -n "$(ARCHIVE)" || { echo "Usage: make restore ARCHIVE=backups/stadtregion-....tar.gz" >&2; exit 2; }
	$(BIN)/python manage.py restore "$(ARCHIVE)"

check: $(INSTALLED) ## ruff (lint and format), the layer order, Django system checks, missing migrations
	$(BIN)/ruff check $(RUFF_PATHS)
	$(BIN)/ruff format --check $(RUFF_PATHS)
	$(BIN)/lint-imports
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Fails only on a known vulnerability; unreachable data is reported, not fatal (see the script).
audit: $(INSTALLED) ## Check the installed pinned dependencies against PyPI's vulnerability data
	@$(BIN)/python scripts/audit_dependencies.py

# pytest comes last so that its summary line is the last thing printed. Exit code 5 (nothing
# collected) fails with a word of explanation. $(1): arguments before PYTEST_ARGS.
# Two workers (pytest-xdist), a test file each at a time: the browser files and the rest run side
# by side on the two cores; each worker has its own test database and live server.
PYTEST_WORKERS ?= 2
define pytest
	@$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile $(1) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then \
		echo "pytest collected no tests: the suite is broken (or PYTEST_ARGS selects nothing)." >&2; \
	fi; \
	exit $$status
endef

test: $(INSTALLED) system-deps $(NODE_INSTALLED) check audit ## Run all checks and the whole test suite (PYTEST_ARGS=...)
	$(call pytest)

# The edit loop: one app's unit and request tests (tests/<app>/); the whole-site walks
# (tests/site/) and the browser tests run in `make test` and CI.
test-fast: $(INSTALLED) ## The tests without browser and whole-site walks, for the edit loop (PYTEST_ARGS=...)
	$(call pytest,-m "not browser and not site")

lint: $(INSTALLED) ## ruff check and ruff format --check
	$(BIN)/ruff check $(RUFF_PATHS)
	$(BIN)/ruff format --check $(RUFF_PATHS)

format: $(INSTALLED) ## Fix what ruff can and format the code
	$(BIN)/ruff check --fix $(RUFF_PATHS)
	$(BIN)/ruff format $(RUFF_PATHS)

pre-commit: $(INSTALLED) ## Install the git hooks of .pre-commit-config.yaml (ruff, django-upgrade)
	$(BIN)/pre-commit install

bench: $(INSTALLED) ## Throughput, p99 and data growth, as shares of a minimal Django view (wrk, gunicorn)
	$(BIN)/python scripts/bench.py

bench-login: $(INSTALLED) ## /healthz latency under a flood of wrong admin logins (gunicorn, loopback)
	$(BIN)/python scripts/bench_login_flood.py

clean: ## Remove .venv, node_modules, collected static files and caches (keeps db.sqlite3 and media/)
	rm -rf $(VENV) node_modules staticfiles build *.egg-info .pytest_cache .ruff_cache .import_linter_cache test-results
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
