#!/usr/bin/env bash
# One process's order of accelerate's prepared loader at N samples: seedbank's engine (plan,
# randperm, every index written as int64) against the real loader iterated in Python, in the
# same run on the same machine. Prints each side's best of REPS and the ratio.
#   bench/accelerate.sh [N] [B] [P] [REPS]        (defaults: 10000000 32 8 3)
# The real loader yields int64 tensors, one per batch. Two ways a user reads them are timed:
# torch.cat(list(loader)).tolist() (the fast one; the ratio uses it) and the plain
# [i for b in loader for i in b], which makes one 0-d tensor per index (timed once).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
b=${2:-32}
p=${3:-8}
reps=${4:-3}
python=${SEEDBANK_REFERENCE_PYTHON:-/root/.cache/seedbank/reference-venv-3ba6dd4bc1f0/bin/python}
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
java_best=$(java -Xmx4g -cp target/classes:target/test-classes dev.seedbank.sampling.AcceleratePreparedLoaderBenchmark \
  "$n" "$b" "$p" "$reps" | tee /dev/stderr | awk '/seedbank best/ {print $3}')
real_best=$("$python" - "$n" "$b" "$p" "$reps" <<'PY' | tee /dev/stderr | awk '/accelerate best/ {print $3}'
import sys, time, warnings
import accelerate, torch
from torch.utils.data import DataLoader
from accelerate.data_loader import prepare_data_loader
warnings.filterwarnings("ignore")
n, b, p, reps = (int(v) for v in sys.argv[1:])
def loader():
    dl = prepare_data_loader(DataLoader(range(n), batch_size=b, shuffle=True), num_processes=p, process_index=0,
                             use_seedable_sampler=True, data_seed=17)
    dl.set_epoch(0)
    return dl
best = float("inf")
for _ in range(reps):
    start = time.perf_counter()
    order = torch.cat(list(loader())).tolist()
    seconds = time.perf_counter() - start
    best = min(best, seconds)
    print(f"accelerate {accelerate.__version__} torch.cat(list(loader)).tolist(): {seconds:.3f} s "
          f"({len(order)} indices, first {order[0]})")
start = time.perf_counter()
plain = [i for batch in loader() for i in batch]
print(f"accelerate [i for b in loader for i in b]: {time.perf_counter() - start:.3f} s (0-d tensors; same list: "
      f"{[int(i) for i in plain[:1000]] == order[:1000]})")
print(f"accelerate best: {best:.3f}")
PY
)
awk -v j="$java_best" -v t="$real_best" -v n="$n" 'BEGIN { printf "accelerate order (n=%d, one process): seedbank %.3f s, accelerate %.3f s, ratio %.3f\n", n, j, t, j / t }'
