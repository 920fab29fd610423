#!/usr/bin/env bash
# 1,024 ranks of a new epoch (n = 1e8) through 256 concurrent connections, against one cold
# slice, on the packaged service (embedded default). Prefetch is off so the epoch is new.
# The client is bench/JobStart.java (JDK HttpClient, bodies counted, not kept), run as a
# single source file; SERVER_OPTS adds JVM options to the server (e.g. a JFR recording).
#   ./mvnw -q -DskipTests package && bench/job-start.sh [N] [W] [C]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18092}
token=bench-$RANDOM$RANDOM
data=$(mktemp -d)
# The server runs with the image's JVM options (Dockerfile) at a 4 GB heap, pre-touched.
java -Xmx4g -Xms4g -XX:+AlwaysPreTouch -XX:+ExplicitGCInvokesConcurrent -XX:+UseTransparentHugePages ${SERVER_OPTS:-} -jar target/seedbank-*.jar --server.port="$port" --seedbank.data-dir="$data" \
  --seedbank.security.bootstrap-token="$token" --seedbank.order.prefetch-next-epoch=false \
  >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g bench/JobStart.java "http://localhost:$port" "$token" "$@"
