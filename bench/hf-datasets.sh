#!/usr/bin/env bash
# One Hugging Face datasets shard order of N rows: seedbank's engine against the real
# Dataset.from_dict({"i": range(N)}).shuffle(seed=42).shard(S, I, contiguous=C) and reading
# its "i" column, measured in the same run on the same machine. Prints each side's best of
# REPS and the ratio (also against the Python time without from_dict).
#   bench/hf-datasets.sh [N] [REPS] [SHARDS] [INDEX] [CONTIGUOUS]   (defaults: 10000000 3 4 1 false)
# PYTHON defaults to $SEEDBANK_REFERENCE_PYTHON (the venv with datasets 5.0.1, numpy 2.4.6).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
reps=${2:-3}
shards=${3:-4}
index=${4:-1}
contiguous=${5:-false}
python=${PYTHON:-${SEEDBANK_REFERENCE_PYTHON:-/root/.cache/seedbank/reference-venv-3ba6dd4bc1f0/bin/python}}
./mvnw -q -o test-compile -Dspring-javaformat.skip=true >/dev/null
java_best=$(java -Xmx2g -cp target/classes:target/test-classes dev.seedbank.sampling.hf.HfDatasetsBenchmark \
  "$n" "$reps" "$shards" "$index" "$contiguous" | tee /dev/stderr | awk '/seedbank best/ {print $3}')
python_best=$("$python" - "$n" "$reps" "$shards" "$index" "$contiguous" <<'PY' | tee /dev/stderr | awk '/datasets best/ {print $3, $4}'
import sys, time
import datasets
from datasets import Dataset
datasets.disable_progress_bars()
n, reps, shards, index = (int(a) for a in sys.argv[1:5])
contiguous = sys.argv[5] == "true"
best, best_without = float("inf"), float("inf")
for _ in range(reps):
    start = time.perf_counter()
    ds = Dataset.from_dict({"i": list(range(n))})
    built = time.perf_counter()
    ds = ds.shuffle(seed=42).shard(num_shards=shards, index=index, contiguous=contiguous)
    rows = ds.with_format("numpy")["i"][:]
    end = time.perf_counter()
    best, best_without = min(best, end - start), min(best_without, end - built)
    print(f"datasets {datasets.__version__} from_dict+shuffle+shard+read (n={n}): {end - start:.3f} s, "
          f"without from_dict {end - built:.3f} s ({len(rows)} rows, first {rows[0] if len(rows) else -1})")
print(f"datasets best: {best:.3f} {best_without:.3f}")
PY
)
read -r py_total py_without <<<"$python_best"
awk -v j="$java_best" -v t="$py_total" -v w="$py_without" -v n="$n" 'BEGIN {
  printf "hf-datasets(%d): seedbank %.3f s, datasets %.3f s (%.3f s without from_dict), ratio %.3f (%.3f)\n", n, j, t, w, j / t, j / w }'
