#!/usr/bin/env bash
# One epoch permutation of N samples: seedbank's engine against torch.randperm, measured in
# the same run on the same machine. Prints each side's best of REPS and the ratio.
#   bench/randperm.sh [N] [REPS]        (defaults: 100000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000000}
reps=${2:-3}
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
java_best=$(java -Xmx4g -cp target/classes:target/test-classes dev.seedbank.sampling.RandpermBenchmark "$n" "$reps" \
  | tee /dev/stderr | awk '/seedbank best/ {print $3}')
torch_best=$(/usr/bin/python3 - "$n" "$reps" <<'PY' | tee /dev/stderr | awk '/torch best/ {print $3}'
import sys, time, torch
n, reps = int(sys.argv[1]), int(sys.argv[2])
best = float("inf")
for _ in range(reps):
    g = torch.Generator().manual_seed(17)
    start = time.perf_counter()
    p = torch.randperm(n, generator=g)
    seconds = time.perf_counter() - start
    best = min(best, seconds)
    print(f"torch {torch.__version__} randperm({n}): {seconds:.3f} s (first {p[0].item()})")
print(f"torch best: {best:.3f}")
PY
)
awk -v j="$java_best" -v t="$torch_best" -v n="$n" 'BEGIN { printf "randperm(%d): seedbank %.3f s, torch %.3f s, ratio %.3f\n", n, j, t, j / t }'
