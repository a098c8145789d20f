# Zorgroute — the two commands: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV     := .venv
PY       := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
IDP_DIR  := deploy/dev-idp
IDP_STAMP:= $(IDP_DIR)/node_modules/.installed
PYTEST_WORKERS ?= 2

.PHONY: help install run test lint format types spec-check api-spec pytest bench clean

help: ## Show the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install: $(PY_STAMP) $(IDP_STAMP) ## Install what is missing (Python venv, dev IdP node modules)

$(PY_STAMP): backend/pyproject.toml
	@command -v python3 >/dev/null || { echo "python3 (3.11) is required"; exit 1; }
	@command -v node >/dev/null || { echo "node (20+) is required for the dev identity provider"; exit 1; }
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e 'backend[dev]'
	touch $@

$(IDP_STAMP): $(IDP_DIR)/package-lock.json
	cd $(IDP_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: install ## Start database, migrations, demo data, dev IdP and API; print URLs and logins
	$(PY) -m zorgroute dev

test: install lint types spec-check pytest ## Run every check (lint, types, drift, all tests)

lint: install ## ruff lint and format check
	cd backend && ../$(VENV)/bin/ruff check . ../tests ../bench
	cd backend && ../$(VENV)/bin/ruff format --check . ../tests ../bench

format: install ## Apply ruff fixes and formatting
	cd backend && ../$(VENV)/bin/ruff check --fix . ../tests ../bench
	cd backend && ../$(VENV)/bin/ruff format . ../tests ../bench

types: install ## mypy --strict on the zorgroute package
	cd backend && ../$(VENV)/bin/mypy zorgroute

spec-check: install ## Fail when openapi/ is stale
	$(PY) -m zorgroute export-api-spec --check

api-spec: install ## Write openapi/openapi.json and openapi/schema.graphql
	$(PY) -m zorgroute export-api-spec

pytest: install ## Backend tests on the embedded PostgreSQL and the real dev IdP
	@set +e; $(PY) -m pytest -c tests/pytest.ini -n $(PYTEST_WORKERS) -q tests/backend; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: install ## Roster sync benchmark (not part of make test)
	$(PY) bench/roster_sync.py

clean: ## Remove local databases and caches (keeps the venv)
	rm -rf .data .mypy_cache .ruff_cache
