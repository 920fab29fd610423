#!/usr/bin/env bash
# numpy.random.default_rng(42).permutation(N): seedbank's port against real NumPy, measured in
# the same run on the same machine. Prints each side's best of REPS and the ratio.
#   bench/numpy-permutation.sh [N] [REPS]        (defaults: 10000000 5)
# PYTHON defaults to $SEEDBANK_REFERENCE_PYTHON (the venv with numpy 2.4.6).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
reps=${2:-5}
python=${PYTHON:-${SEEDBANK_REFERENCE_PYTHON:-/root/.cache/seedbank/reference-venv-3ba6dd4bc1f0/bin/python}}
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
java_best=$(java -Xmx1g -cp target/classes:target/test-classes dev.seedbank.sampling.numpy.NumpyPermutationBenchmark \
  "$n" "$reps" | tee /dev/stderr | awk '/seedbank best/ {print $3}')
numpy_best=$("$python" - "$n" "$reps" <<'PY' | tee /dev/stderr | awk '/numpy best/ {print $3}'
import sys, time
import numpy as np
n, reps = int(sys.argv[1]), int(sys.argv[2])
best = float("inf")
for _ in range(reps):
    start = time.perf_counter()
    p = np.random.default_rng(42).permutation(n)
    seconds = time.perf_counter() - start
    best = min(best, seconds)
    print(f"numpy {np.__version__} permutation({n}): {seconds:.3f} s (first {p[0]})")
print(f"numpy best: {best:.3f}")
PY
)
awk -v j="$java_best" -v p="$numpy_best" -v n="$n" 'BEGIN { printf "permutation(%d): seedbank %.3f s, numpy %.3f s, ratio %.3f\n", n, j, p, j / p }'
