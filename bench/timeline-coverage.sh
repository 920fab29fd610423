#!/usr/bin/env bash
# Coverage of one epoch of N samples over three segments against computing that epoch's
# permutation once, measured in the same JVM run. Prints each best of REPS, the ratios and the
# bytes per sample the coverage allocates beyond the permutation (goal: ratio <= 3, <= 1 byte).
#   bench/timeline-coverage.sh [N] [REPS]        (defaults: 100000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000000}
reps=${2:-3}
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
java -Xmx3g -cp target/classes:target/test-classes dev.seedbank.sampling.timeline.CoverageBenchmark "$n" "$reps"
