#!/usr/bin/env bash
# Realtime fan-out: SUBSCRIBERS WebSocket clients subscribed to `postAdded` on one thread
# (spread over INSTANCES replicas sharing PostgreSQL and, with two, Redis), then POSTS posts
# made through the first replica. Prints the fan-out client's figures (delivery ratio and
# event-to-client latency p50/p95/p99) and each server's resident memory (now and peak).
#
#   bash tests/bench/fanout.sh     # SUBSCRIBERS=10000 POSTS=20 INTERVAL_MS=500 INSTANCES=1
#
# Needs PostgreSQL at PG_URL (creates and drops the database ah_bench_fanout) and, for two
# instances, Redis at REDIS (a key prefix of its own). Uses release builds.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUBSCRIBERS=${SUBSCRIBERS:-10000}
POSTS=${POSTS:-20}
INTERVAL_MS=${INTERVAL_MS:-500}
INSTANCES=${INSTANCES:-1}
PORT=${PORT:-18200}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
REDIS=${REDIS:-redis://127.0.0.1:6379}
DB=ah_bench_fanout

# 10,000 sockets on each side.
ulimit -n "$(ulimit -Hn)"
cargo build --release --bin alliance-hub
cargo build --release -p tests --bin fanout

psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
export DATABASE_URL="$PG_URL/$DB?sslmode=disable" JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  RUST_LOG=warn ACCESS_TOKEN_TTL=3600 DEMO=1 DEMO_CONTENT=false \
  WS_MAX_CONNECTIONS_PER_USER=100000
if [ "$INSTANCES" -gt 1 ]; then
  export REDIS_URL="$REDIS" REDIS_PREFIX="bench-fanout-$$:"
fi

PIDS=()
URLS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null
}
trap cleanup EXIT
for i in $(seq 0 $((INSTANCES - 1))); do
  LISTEN_ADDR="127.0.0.1:$((PORT + i))" ./target/release/alliance-hub serve &
  PIDS+=($!)
  URLS+=(--url "http://127.0.0.1:$((PORT + i))")
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$((PORT + i))/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
done

gql() { curl -fsS "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' "$@"; }
TOKEN=$(gql -d '{"query":"mutation { login(email: \"analyst@police.example\", password: \"alliance-demo\") { accessToken } }"}' \
  | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
[ -n "$TOKEN" ] || { echo "login failed"; exit 1; }
WORKSPACE=$(gql -H "authorization: Bearer $TOKEN" \
  -d '{"query":"mutation { createWorkspace(input: {name: \"Fan-out\", defaultTlp: GREEN}) { id } }"}' \
  | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
THREAD=$(gql -H "authorization: Bearer $TOKEN" \
  -d "{\"query\":\"mutation { createThread(input: {workspaceId: \\\"$WORKSPACE\\\", title: \\\"Live\\\"}) { id } }\"}" \
  | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
[ -n "$THREAD" ] || { echo "no thread"; exit 1; }

rss() { awk -v k="$2" '$1 == k":" {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
for pid in "${PIDS[@]}"; do echo "server $pid idle: rss_mb=$(rss "$pid" VmRSS)"; done
./target/release/fanout "${URLS[@]}" --token "$TOKEN" --thread "$THREAD" \
  --subscribers "$SUBSCRIBERS" --posts "$POSTS" --interval-ms "$INTERVAL_MS"
for pid in "${PIDS[@]}"; do
  echo "server $pid: rss_mb=$(rss "$pid" VmRSS) peak_rss_mb=$(rss "$pid" VmHWM)"
done
