# Zorgroute — the two commands: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV     := .venv
PY       := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
IDP_DIR  := deploy/dev-idp
IDP_STAMP:= $(IDP_DIR)/node_modules/.installed
SPA_DIR  := frontend
SPA_STAMP:= $(SPA_DIR)/node_modules/.installed
E2E_DIR  := tests/e2e
E2E_STAMP:= $(E2E_DIR)/node_modules/.installed
CHROMIUM := /usr/bin/chromium
NPM_CI   := npm ci --no-audit --no-fund --loglevel=error
PYTEST_WORKERS ?= 2

.PHONY: help install run test lint format types spec-check api-spec pytest spa spa-spec-check spa-build e2e bench clean

help: ## Show the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install: $(PY_STAMP) $(IDP_STAMP) $(SPA_STAMP) ## Install what is missing (Python venv, node modules)

$(PY_STAMP): backend/pyproject.toml
	@command -v python3 >/dev/null || { echo "python3 (3.11) is required"; exit 1; }
	@command -v node >/dev/null || { echo "node (20+) is required for the dev identity provider"; exit 1; }
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e 'backend[dev]'
	touch $@

$(IDP_STAMP): $(IDP_DIR)/package-lock.json
	cd $(IDP_DIR) && $(NPM_CI)
	touch $@

$(SPA_STAMP): $(SPA_DIR)/package-lock.json
	cd $(SPA_DIR) && $(NPM_CI)
	touch $@

$(E2E_STAMP): $(E2E_DIR)/package-lock.json
	cd $(E2E_DIR) && $(NPM_CI)
	touch $@

# Browser tests use Debian's Chromium at /usr/bin/chromium; Playwright never downloads its own.
$(CHROMIUM):
	@echo "Installing Chromium from Debian for the browser tests"
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'

run: install ## Start database, migrations, demo data, dev IdP, API and SPA; print URLs and logins
	$(PY) -m zorgroute dev

test: install lint types spec-check pytest spa e2e ## Run every check (lint, types, drift, all tests)

lint: install ## ruff lint and format check
	cd backend && ../$(VENV)/bin/ruff check . ../tests ../bench
	cd backend && ../$(VENV)/bin/ruff format --check . ../tests ../bench

format: install ## Apply ruff fixes and formatting
	cd backend && ../$(VENV)/bin/ruff check --fix . ../tests ../bench
	cd backend && ../$(VENV)/bin/ruff format . ../tests ../bench

types: install ## mypy --strict on the zorgroute package
	cd backend && ../$(VENV)/bin/mypy zorgroute

spec-check: install ## Fail when openapi/ or the permission matrix in docs/security.md is stale
	$(PY) -m zorgroute export-api-spec --check
	$(PY) -m zorgroute security-matrix --check

api-spec: install ## Write openapi/, docs/security.md's matrix, and the SPA's typed clients
	$(PY) -m zorgroute export-api-spec
	$(PY) -m zorgroute security-matrix
	cd $(SPA_DIR) && npm run --silent generate >/dev/null

pytest: install ## Backend tests on the embedded PostgreSQL and the real dev IdP
	@set +e; $(PY) -m pytest -c tests/pytest.ini -n $(PYTEST_WORKERS) -q tests/backend; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

spa-spec-check: $(SPA_STAMP) ## Fail when the SPA's generated clients differ from openapi/
	@cd $(SPA_DIR) && tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	npx openapi-typescript ../openapi/openapi.json -o $$tmp/rest.gen.ts >/dev/null 2>&1 && \
	CODEGEN_OUT=$$tmp/gql/ npx graphql-codegen --config codegen.ts >/dev/null 2>&1 && \
	diff -q $$tmp/rest.gen.ts src/api/rest.gen.ts && diff -rq $$tmp/gql src/gql || \
	{ echo "frontend/src/api or src/gql is stale: run \`make api-spec\` and commit it."; exit 1; }

spa: $(SPA_STAMP) spa-spec-check spa-build ## SPA: client drift, lint, type check, unit tests, build
	cd $(SPA_DIR) && npx biome check . && npx tsc -b && npx vitest run

spa-build: $(SPA_STAMP) ## Build frontend/dist (the browser tests serve it with vite preview)
	cd $(SPA_DIR) && npx vite build --logLevel warn

e2e: install $(E2E_STAMP) $(CHROMIUM) spa-build ## Browser tests in Chromium against the real stack
	cd $(E2E_DIR) && npm run --silent lint && npx tsc --noEmit && npx playwright test

bench: install ## Roster sync, group overview and case board benchmarks (not part of make test)
	$(PY) bench/roster_sync.py
	$(PY) bench/hgw_overview.py
	$(PY) bench/case_board.py
	$(PY) bench/gifted_overview.py

clean: ## Remove local databases and caches (keeps the venv)
	rm -rf .data .mypy_cache .ruff_cache
