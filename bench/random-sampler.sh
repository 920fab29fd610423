#!/usr/bin/env bash
# The second epoch (epoch 1, so one epoch of draws is replayed) of torch's RandomSampler at
# N samples: seedbank's engine against the real torch 2.13 in the reference venv, in the
# same run on the same machine, as a user gets it: list(RandomSampler(range(N),
# generator=g)) (also with replacement=True) and list(DataLoader(range(N), batch_size=None,
# shuffle=True, generator=g)), each after iterating epoch 0. Prints each side's best of
# REPS (the loader: one run) and the ratios.
#   bench/random-sampler.sh [N] [REPS]        (defaults: 10000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
reps=${2:-3}
python=${SEEDBANK_REFERENCE_PYTHON:-$(.ci/python-venv | tail -n 1)}
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
for mode in sampler replacement loader; do
  r=$reps; [ "$mode" = loader ] && r=1
  java_best=$(java -Xmx4g -cp target/classes:target/test-classes dev.seedbank.sampling.RandomSamplerBenchmark \
    "$n" "$r" "$mode" | tee /dev/stderr | awk '/seedbank best/ {print $3}')
  torch_best=$("$python" - "$n" "$r" "$mode" <<'PY' | tee /dev/stderr | awk '/torch best/ {print $3}'
import sys, time, torch
from torch.utils.data import DataLoader, RandomSampler
n, reps, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
best = float("inf")
for _ in range(reps):
    g = torch.Generator().manual_seed(17)
    if mode == "loader":
        source = DataLoader(range(n), batch_size=None, shuffle=True, generator=g)
    else:
        source = RandomSampler(range(n), replacement=mode == "replacement", generator=g)
    for _ in source:  # epoch 0: what seedbank replays by counting draws
        pass
    start = time.perf_counter()
    order = list(source)
    seconds = time.perf_counter() - start
    best = min(best, seconds)
    print(f"torch {torch.__version__} {mode}({n}), epoch 1: {seconds:.3f} s (first {int(order[0])})")
print(f"torch best: {best:.3f}")
PY
)
  awk -v j="$java_best" -v t="$torch_best" -v n="$n" -v m="$mode" \
    'BEGIN { printf "RandomSampler %s(%d), epoch 1: seedbank %.3f s, torch %.3f s, ratio %.3f\n", m, n, j, t, j / t }'
done
