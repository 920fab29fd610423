#!/usr/bin/env bash
# Starts the packaged service on its embedded default and runs bench/slices.py against it.
#   ./mvnw -q -DskipTests package && bench/slices.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18089}
token=bench-$RANDOM$RANDOM
data=$(mktemp -d)
java -Xmx4g -jar target/seedbank-*.jar --server.port="$port" --seedbank.data-dir="$data" \
  --seedbank.security.bootstrap-token="$token" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
/usr/bin/python3 bench/slices.py "http://localhost:$port" "$token"
