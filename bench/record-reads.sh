#!/usr/bin/env bash
# Record reads against the liveness probe, in one run on one server: GET of one record, a
# search by one tag (a sweep: 10 of R records), and a cached 10-index slice, each through
# wrk -t2 -c16 for D seconds after a warm-up of the same length; prints requests/s and the
# ratio of each to liveness (goal: record GET and tag search >= 0.8).
#   bench/record-reads.sh [R] [D]            # embedded default (H2 under a temp directory)
#   DB_URL=jdbc:postgresql://127.0.0.1:5432/seedbank DB_USER=postgres bench/record-reads.sh
# Builds the jar only if target/ has none. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-10000}
seconds=${2:-10}
port=${PORT:-18093}
token=bench-$RANDOM$RANDOM
ls target/seedbank-*.jar >/dev/null 2>&1 || ./mvnw -q -DskipTests package
data=$(mktemp -d)
database=()
if [[ -n ${DB_URL:-} ]]; then
  database=(--spring.datasource.url="$DB_URL" --spring.datasource.username="${DB_USER:-postgres}"
    --spring.datasource.password="${DB_PASSWORD:-}")
fi
java -Xmx1g ${JAVA_OPTS:-} -jar target/seedbank-*.jar --server.port="$port" --seedbank.data-dir="$data" \
  --seedbank.security.bootstrap-token="$token" "${database[@]}" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
eval "$(/usr/bin/python3 bench/record-reads.py "http://localhost:$port" "$token" "$records")"
base="http://localhost:$port"
declare -A paths=(
  [liveness]="/actuator/health/liveness"
  [record]="/api/v1/experiments/$id"
  [search]="/api/v1/experiments?tag=sweep:$sweep"
  [slice]="/api/v1/samplers/distributed/indices?datasetSize=80&worldSize=8&rank=0&epoch=0&seed=7"
)
declare -A rate=()
bench() {  # name, warm-up or measured
  local out
  out=$(wrk -t2 -c16 -d"${seconds}s" -H "Authorization: Bearer $token" "$base${paths[$1]}")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "$1: responses other than 2xx or 3xx" >&2; echo "$out" >&2; exit 1
  fi
  rate[$1]=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
}
curl -sf -H "Authorization: Bearer $token" "$base${paths[search]}" | grep -q '"totalElements":10' \
  || { echo "the tag search does not find the sweep's 10 records" >&2; exit 1; }
for name in liveness record search slice; do bench "$name"; done
for name in liveness record search slice; do bench "$name"; done
echo "database: ${DB_URL:-embedded H2}; $records records; wrk -t2 -c16 -d${seconds}s each; load average:" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
for name in liveness record search slice; do
  awk -v n="$name" -v r="${rate[$name]}" -v l="${rate[liveness]}" -v p="${paths[$name]}" \
    'BEGIN {printf "%-9s %8.0f req/s  ratio to liveness %.2f  %s\n", n, r, r / l, p}'
done
