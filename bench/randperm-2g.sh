#!/usr/bin/env bash
# n = 2^31 + 11: above one Java array, in the 4-byte unsigned storage, torch's inside-out
# branch (torch >= 2.6). Real torch first (about 17 GB: an int64 tensor), its digest kept
# as a vector in bench/vectors/, then the service alone (about 8.6 GB of permutation in a
# 12 GiB heap) for the same order over HTTP. Needs ~18 GB free: run it on a quiet machine.
#   ./mvnw -q -DskipTests package && bench/randperm-2g.sh [SEED]
# Prints both digests, both times, the ratio, and exits non-zero when the digests differ.
set -euo pipefail
cd "$(dirname "$0")/.."
n=$(( (1 << 31) + 11 ))
seed=${1:-17}
vector=bench/vectors/randperm-$n-seed$seed-torch2.13.txt
python=${SEEDBANK_REFERENCE_PYTHON:-$(.ci/python-venv)}

if [ ! -s "$vector" ]; then
  # DistributedSampler(num_replicas=1, rank=0, shuffle=True, seed=SEED) at epoch 0 yields
  # torch.randperm(n, generator=manual_seed(SEED)); its order digest is SHA-256 over the
  # int64 little-endian bytes (conformance/README.md).
  "$python" - "$n" "$seed" "$vector" <<'PY'
import hashlib, sys, time, torch
n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
g = torch.Generator().manual_seed(seed)
start = time.perf_counter()
p = torch.randperm(n, generator=g)
seconds = time.perf_counter() - start
digest = hashlib.sha256()
flat = p.numpy()
for i in range(0, n, 1 << 26):
    digest.update(memoryview(flat[i:i + (1 << 26)]).cast("B"))
with open(out, "w") as f:
    f.write(f"n={n} seed={seed} torch={torch.__version__} sha256={digest.hexdigest()} "
            f"randperm_seconds={seconds:.1f}\n")
print(open(out).read(), end="")
PY
fi
torch_sha=$(sed -n 's/.*sha256=\([0-9a-f]*\).*/\1/p' "$vector")
torch_seconds=$(sed -n 's/.*randperm_seconds=\([0-9.]*\).*/\1/p' "$vector")

port=${PORT:-18091}
token=bench-$RANDOM$RANDOM
data=$(mktemp -d)
java -Xmx12g -XX:+ExplicitGCInvokesConcurrent -jar target/seedbank-*.jar --server.port="$port" \
  --seedbank.data-dir="$data" --seedbank.security.bootstrap-token="$token" \
  --seedbank.order.cache-max-bytes=9000000000 --seedbank.order.budget-wait=10m >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
  sleep 0.5
done
# limit=1: the Seedbank-Order-Sha256 header is the digest of the whole list, whatever the page.
start=$(date +%s.%N)
headers=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $token" -H 'Accept: application/octet-stream' \
  "localhost:$port/api/v1/samplers/distributed/indices?datasetSize=$n&worldSize=1&rank=0&seed=$seed&torchVersion=2.13.0&limit=1")
seconds=$(echo "$(date +%s.%N) - $start" | bc)
sha=$(echo "$headers" | tr -d '\r' | sed -n 's/^[Ss]eedbank-[Oo]rder-[Ss]ha256: //p')
echo "torch   randperm($n) seed $seed: $torch_seconds s, sha256 $torch_sha"
echo "seedbank permutation + digest over HTTP: $seconds s, sha256 $sha"
awk -v s="$seconds" -v t="$torch_seconds" 'BEGIN { printf "ratio (seedbank incl. digest / torch randperm): %.2f\n", s / t }'
[ "$sha" = "$torch_sha" ] && echo "EQUAL" || { echo "DIFFERENT"; exit 1; }
