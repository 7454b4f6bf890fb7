#!/usr/bin/env bash
# The collaboration read path on PostgreSQL: as a member, with the access checks on,
#   workspace(id) → threads(first: 20) → posts(first: 5) → author → organization
# over volume data (50 workspaces, 2,000 threads, 50,000 posts by default), with wrk at 16
# connections. Prints per-round figures, the medians, and SQL statements per request (from
# the server's database_statements_total metric).
#
#   bash tests/bench/nested.sh     # ROUNDS=5 DURATION=10s CONNECTIONS=16 by default
#
# Needs wrk, curl, psql and PostgreSQL at PG_URL (default postgres://postgres@127.0.0.1:5432);
# creates and drops the database ah_bench_nested there. Uses a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18182}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
DB=ah_bench_nested
WORKSPACES=${WORKSPACES:-50}
THREAD_COUNT=${THREAD_COUNT:-2000}
POSTS=${POSTS:-50000}

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 1; }
cargo build --release --bin alliance-hub

psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
# Same machine: no TLS to the database (as over a Unix socket).
export DATABASE_URL="$PG_URL/$DB?sslmode=disable" JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  RUST_LOG=warn ACCESS_TOKEN_TTL=3600
./target/release/alliance-hub seed-volume \
  --workspaces "$WORKSPACES" --threads "$THREAD_COUNT" --posts "$POSTS"
psql "$PG_URL/$DB" -qc "VACUUM ANALYZE" >/dev/null

LISTEN_ADDR="127.0.0.1:$PORT" ./target/release/alliance-hub serve &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; psql "$PG_URL/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

gql() { curl -fsS "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' "$@"; }
TOKEN=$(gql -d '{"query":"mutation { login(email: \"bench@volume.example\", password: \"alliance-demo\") { accessToken } }"}' \
  | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)
[ -n "$TOKEN" ] || { echo "login failed"; exit 1; }
WORKSPACE=$(gql -H "authorization: Bearer $TOKEN" -d '{"query":"{ workspaces(first: 1) { edges { node { id } } } }"}' \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
[ -n "$WORKSPACE" ] || { echo "no workspace"; exit 1; }

QUERY='query($id: ID!) { workspace(id: $id) { name threads(first: 20) { edges { node { title tlp posts(first: 5) { edges { node { body author { displayName organization { name } } } } } } } } } }'
BODY=$(printf '{"query":"%s","variables":{"id":"%s"}}' "$QUERY" "$WORKSPACE")
# The answer must be complete: 20 threads, no errors.
ANSWER=$(BODY="$BODY" gql -H "authorization: Bearer $TOKEN" -d "$BODY")
echo "$ANSWER" | grep -q '"errors"' && { echo "the query failed: $ANSWER"; exit 1; }
echo "threads in one answer: $(echo "$ANSWER" | grep -o '"tlp"' | wc -l), posts: $(echo "$ANSWER" | grep -o '"body"' | wc -l)"

metric() { curl -fsS "http://127.0.0.1:$PORT/metrics" | awk -v m="$1" '$1 ~ "^"m {s+=$2} END {print s+0}'; }

# Warm-up.
BODY="$BODY" TOKEN="$TOKEN" wrk -t1 -c4 -d2s -s tests/bench/graphql.lua "http://127.0.0.1:$PORT/graphql" >/dev/null

STATEMENTS_BEFORE=$(metric database_statements_total)
REQUESTS_BEFORE=$(metric graphql_requests_total)
RESULTS=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  BODY="$BODY" TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s tests/bench/graphql.lua \
    "http://127.0.0.1:$PORT/graphql" | grep '^RESULT' | sed "s/^RESULT/nested round=$round/" | tee -a "$RESULTS"
done
STATEMENTS=$(( $(metric database_statements_total) - STATEMENTS_BEFORE ))
REQUESTS=$(( $(metric graphql_requests_total) - REQUESTS_BEFORE ))

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { grep -o "$1=[0-9.]*" "$RESULTS" | cut -d= -f2 | median; }
echo
echo "median nested read: rps=$(field rps) p50_ms=$(field p50_ms) p99_ms=$(field p99_ms)"
awk -v s="$STATEMENTS" -v r="$REQUESTS" 'BEGIN { printf "SQL statements per request: %.2f (%d statements, %d requests)\n", s / r, s, r }'
rm -f "$RESULTS"
