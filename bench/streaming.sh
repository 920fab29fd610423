#!/usr/bin/env bash
# One rank's MosaicML Streaming epoch order: 1e7 samples in 1,000 shards of 10,000, py1e,
# 8 canonical nodes, 1 physical node of 8 ranks, 4 workers, batch 32, block size 500,000.
# Streaming cannot be installed on these machines, so the reference is the real Streaming
# 0.14.0.dev0 time recorded in src/test/resources/conformance/README.md when the vectors were
# made (1.32 s, best of 2, numpy 2.4.6; Streaming computes the whole epoch for any rank).
# Prints seedbank's best of REPS for rank 0 (reads canonical node 0: the best case) and rank 7
# (reads node 7 after drawing through nodes 0-6: the worst case), wall and thread CPU time, and
# the ratios to the recorded time (target: at most 0.25).
#   bench/streaming.sh [REPS]        (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
reference=1.32
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
for rank in 0 7; do
  read -r wall cpu < <(java -Xmx2g -cp target/classes:target/test-classes \
      dev.seedbank.sampling.streaming.StreamingBenchmark "$reps" "$rank" \
    | tee /dev/stderr | awk '/seedbank best/ {print $3, $4}')
  awk -v w="$wall" -v c="$cpu" -v r="$reference" -v k="$rank" 'BEGIN {
    printf "streaming py1e rank %d: seedbank %.3f s wall (%.3f s cpu), Streaming 0.14.0.dev0 %.2f s (recorded): ratio %.3f wall, %.3f cpu (target <= 0.25)\n", k, w, c, r, w / r, c / r }'
done
