# Alliance Hub — developer commands. `make run` serves a hub with demo data on
# http://127.0.0.1:8080; `make test` is what CI runs.

CARGO ?= cargo

.PHONY: run build test test-sqlite test-postgres fmt lint schema bench bench-nested bench-fanout

run:
	DEMO=1 $(CARGO) run --bin alliance-hub -- serve

build:
	$(CARGO) build --workspace

# Formatting, lints, and the whole suite on SQLite; then, when TEST_DATABASE_URL (and
# TEST_REDIS_URL) are set, the integration suite again on PostgreSQL + Redis.
test:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(MAKE) test-sqlite
	@if [ -n "$$TEST_DATABASE_URL" ]; then $(MAKE) test-postgres; \
	else echo "TEST_DATABASE_URL not set: skipping the PostgreSQL + Redis run"; fi

test-sqlite:
	env -u TEST_DATABASE_URL -u TEST_REDIS_URL $(CARGO) test --workspace

test-postgres:
	$(CARGO) test -p tests --test api

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
