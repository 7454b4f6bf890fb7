#!/usr/bin/env bash
# Baseline benchmark: authenticated `viewer { id organization { kind } }` against the same
# server's unauthenticated `{ __typename }`, at 64 connections, in one run, alternating the
# two so that both see the same machine noise. Prints per-round figures and the medians.
#
#   bash tests/bench/viewer.sh            # ROUNDS=5 DURATION=10s CONNECTIONS=64 by default
#
# Needs wrk (apt-get install wrk) and curl. Uses a release build and a fresh SQLite database.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18181}

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 1; }
cargo build --release --bin alliance-hub

DATA=$(mktemp -d)
RUST_LOG=warn DEMO=1 DATA_DIR="$DATA" LISTEN_ADDR="127.0.0.1:$PORT" ACCESS_TOKEN_TTL=3600 \
  ./target/release/alliance-hub serve &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

TOKEN=$(curl -fsS "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(email: \"analyst@police.example\", password: \"alliance-demo\") { accessToken } }"}' \
  | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
[ -n "$TOKEN" ] || { echo "login failed"; exit 1; }

UNAUTH='{"query":"{ __typename }"}'
AUTH='{"query":"{ viewer { id organization { kind } } }"}'

run() { # name body token
  BODY="$2" TOKEN="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s tests/bench/graphql.lua \
    "http://127.0.0.1:$PORT/graphql" | grep '^RESULT' | sed "s/^RESULT/$1/"
}

# Warm-up.
BODY="$AUTH" TOKEN="$TOKEN" wrk -t1 -c8 -d2s -s tests/bench/graphql.lua "http://127.0.0.1:$PORT/graphql" >/dev/null

RESULTS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  run "unauthenticated round=$round" "$UNAUTH" "" | tee -a "$RESULTS"
  run "authenticated   round=$round" "$AUTH" "$TOKEN" | tee -a "$RESULTS"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { grep "^$1" "$RESULTS" | grep -o "$2=[0-9.]*" | cut -d= -f2 | median; }
U_RPS=$(field unauthenticated rps); A_RPS=$(field authenticated rps)
echo
echo "median unauthenticated { __typename }:            rps=$U_RPS p50_ms=$(field unauthenticated p50_ms) p99_ms=$(field unauthenticated p99_ms)"
echo "median authenticated viewer { id organization }: rps=$A_RPS p50_ms=$(field authenticated p50_ms) p99_ms=$(field authenticated p99_ms)"
awk -v a="$A_RPS" -v u="$U_RPS" 'BEGIN { printf "authenticated / unauthenticated = %.0f%%\n", 100 * a / u }'
rm -f "$RESULTS"
