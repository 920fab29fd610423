#!/usr/bin/env bash
# One rank's MosaicML Streaming epoch order: 1e7 samples in 1,000 shards of 10,000, py1e,
# 8 canonical nodes, 1 physical node of 8 ranks, 4 workers, batch 32, block size 500,000.
# Streaming cannot be installed on these machines, so the reference is the real Streaming
# 0.14.0.dev0 time recorded in src/test/resources/conformance/README.md when the vectors were
# made (1.32 s, best of 2, numpy 2.4.6); the script prints seedbank's best of REPS and the ratio.
#   bench/streaming.sh [REPS]        (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
reference=1.32
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
best=$(java -Xmx2g -cp target/classes:target/test-classes dev.seedbank.sampling.streaming.StreamingBenchmark "$reps" \
  | tee /dev/stderr | awk '/seedbank best/ {print $3}')
awk -v j="$best" -v r="$reference" 'BEGIN { printf "streaming py1e epoch order: seedbank %.3f s, Streaming 0.14.0.dev0 %.2f s (recorded), ratio %.3f (target <= 0.25)\n", j, r, j / r }'
