#!/usr/bin/env bash
# JMH benchmarks of the engine (src/jmh/java, profile jmh; ./mvnw verify never runs them),
# and the real reference measured in the same run where one exists, with the ratios.
#   bench/jmh.sh [N] [W]          (defaults: 10000000 8; JMH options via JMH_ARGS)
# BENCH picks the benchmarks (a JMH regex; default all three classes). The datasets benchmarks
# use N rows and 4 shards; Streaming is its fixed conformance case, and since Streaming cannot
# be installed here it is reported in absolute time (bench/streaming.sh has the recorded ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
w=${2:-8}
./mvnw -q -Pjmh test-compile -Dspring-javaformat.skip=true >/dev/null
./mvnw -q -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath >/dev/null
out=$(mktemp)
java -cp "target/classes:target/test-classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main \
  "${BENCH:-EngineBenchmarks|HfDatasetsBenchmarks|StreamingBenchmarks}" -p n="$n" -p worldSize="$w" -rf csv -rff "$out" ${JMH_ARGS:-}
python=${SEEDBANK_REFERENCE_PYTHON:-$(.ci/python-venv)}
"$python" - "$n" "$w" "$out" <<'PY'
import csv, hashlib, sys, time
import numpy as np, torch, datasets
from datasets import Dataset
from torch.utils.data import DistributedSampler, RandomSampler
n, w, results = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

def best(f, reps=3):
    t = float("inf")
    for _ in range(reps):
        s = time.perf_counter(); f(); t = min(t, time.perf_counter() - s)
    return t

ds = range(n)
def sampler_list():
    s = DistributedSampler(ds, num_replicas=w, rank=0, shuffle=True, seed=17)
    return list(s)
datasets.disable_progress_bars()
def shard():
    table = Dataset.from_dict({"i": np.arange(n)})  # not timed: the rows exist before a shuffle
    return best(lambda: table.shuffle(seed=42).shard(num_shards=4, index=1).with_format("numpy")["i"][:])
# Measured only for the benchmarks that ran (BENCH).
reference = {
    "hfDatasetsPermutation": lambda: best(lambda: np.random.default_rng(42).permutation(n)),
    "hfDatasetsShard": shard,
    "randpermClassic": lambda: best(lambda: torch.randperm(n, generator=torch.Generator().manual_seed(17))),
    "rankSliceWrite": lambda: best(sampler_list),
    "rankSliceDigest": lambda: best(lambda: hashlib.sha256(np.asarray(sampler_list(), dtype="<i8").tobytes()).hexdigest()),
    "randomSamplerOrder": lambda: best(lambda: list(RandomSampler(ds, generator=torch.Generator().manual_seed(17)))),
}
print(f"reference: torch {torch.__version__}, n={n}, W={w}; torch uses the inside-out loop only from n = 214,748,364, "
      f"and the accelerate reference (17.9 s at 1e7) is bench/accelerate.sh; numpy {np.__version__}, "
      f"datasets {datasets.__version__} (shuffle, shard(4, 1), read; from_dict not counted)")
with open(results) as f:
    for row in csv.DictReader(f):
        name = row["Benchmark"].rsplit(".", 1)[1]
        if row.get("Param: rank"):
            name += " rank " + row["Param: rank"]
        ms = float(row["Score"])
        ref = reference[name]() if name in reference else None
        line = f"{name:26s} seedbank {ms / 1000:8.3f} s"
        if ref:
            line += f"   reference {ref:8.3f} s   ratio {ms / 1000 / ref:.3f}"
        print(line)
PY
