# Alliance Hub — developer commands. `make run` serves a hub with demo data on
# http://127.0.0.1:8080; `make test` is what CI runs.

CARGO ?= cargo
NPM ?= npm

.PHONY: run build frontend validators test test-sqlite test-postgres test-frontend fmt lint schema bench bench-nested bench-fanout

# Builds the web frontend, then serves it and the API with demo data. Without npm the API
# still runs, and / says how to build the frontend.
run:
	@if command -v $(NPM) >/dev/null 2>&1 && [ -f frontend/package.json ]; then $(MAKE) frontend; \
	else echo "npm not found: serving the API only (the web frontend needs Node.js 20.19+)"; fi
	DEMO=1 GRAPHIQL=true $(CARGO) run --bin alliance-hub -- serve

# The web frontend into frontend/dist (Node.js 20.19+ and npm).
frontend:
	$(NPM) --prefix frontend ci --no-audit --no-fund
	$(NPM) --prefix frontend run build

# The field's own validators the export tests run: BSI's CSAF validator library (npm) and
# the OASIS STIX 2.1 validator (PyPI, in a virtualenv). Reinstalls only what changed.
PYTHON ?= python3
VALIDATORS := tests/validators

validators: $(VALIDATORS)/node_modules/.package-lock.json $(VALIDATORS)/.venv/.installed

$(VALIDATORS)/node_modules/.package-lock.json: $(VALIDATORS)/package.json $(VALIDATORS)/package-lock.json
	$(NPM) --prefix $(VALIDATORS) ci --no-audit --no-fund
	@touch $@

$(VALIDATORS)/.venv/.installed: $(VALIDATORS)/requirements.txt
	@[ -x $(VALIDATORS)/.venv/bin/python ] || $(PYTHON) -m venv $(VALIDATORS)/.venv
	$(VALIDATORS)/.venv/bin/pip install --quiet --disable-pip-version-check -r $(VALIDATORS)/requirements.txt
	@touch $@

build:
	$(CARGO) build --workspace

# Formatting, lints, and the whole suite on SQLite; then, when TEST_DATABASE_URL (and
# TEST_REDIS_URL) are set, the integration suite again on PostgreSQL + Redis.
test:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(MAKE) test-sqlite
	$(MAKE) test-frontend
	@if [ -n "$$TEST_DATABASE_URL" ]; then $(MAKE) test-postgres; \
	else echo "TEST_DATABASE_URL not set: skipping the PostgreSQL + Redis run"; fi

test-sqlite: validators
	env -u TEST_DATABASE_URL -u TEST_REDIS_URL $(CARGO) test --workspace

# (Some replicas there are separate alliance-hub processes: the binary is built first.)
test-postgres: validators
	$(CARGO) build --bin alliance-hub
	$(CARGO) test -p tests --test api

# The frontend: types generated from schema.graphql and checked, lint, unit tests, the
# production build, then end-to-end tests in headless Chromium (/usr/bin/chromium, or
# CHROMIUM_PATH) against a real alliance-hub on a fresh SQLite database with demo data.
test-frontend:
	$(NPM) --prefix frontend ci --no-audit --no-fund
	$(NPM) --prefix frontend run codegen
	$(NPM) --prefix frontend run typecheck
	$(NPM) --prefix frontend run lint
	$(NPM) --prefix frontend run test:unit
	$(NPM) --prefix frontend run build
	$(CARGO) build --bin alliance-hub
	$(NPM) --prefix frontend run test:e2e

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Regenerates schema.graphql from the server's schema.
schema:
	UPDATE_SCHEMA=1 $(CARGO) test -p tests --test api schema_sdl

# Baseline HTTP benchmark (release build, wrk); see docs/BENCHMARKS.md.
bench:
	bash tests/bench/viewer.sh

# The nested collaboration read on PostgreSQL over volume data; see docs/BENCHMARKS.md.
bench-nested:
	bash tests/bench/nested.sh

# Realtime fan-out over WebSocket (10,000 subscribers, one thread); see docs/BENCHMARKS.md.
# INSTANCES=2 runs two replicas sharing PostgreSQL and Redis.
bench-fanout:
	bash tests/bench/fanout.sh
