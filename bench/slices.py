"""Index slices over HTTP against torch's own DistributedSampler, measured in one run.

Cold: one rank's list (N=2e7, W=8) as octet-stream for an epoch nobody asked for yet.
Cached: the same request again. Stampede: 16 concurrent requests for the 16 ranks of a new
epoch (W=16); the permutation must be computed once (read from the Prometheus counter).
"""
import concurrent.futures
import re
import sys
import time
import urllib.request

from torch.utils.data import DistributedSampler

BASE, TOKEN = sys.argv[1], sys.argv[2]
N, W = 20_000_000, 8


def get(path, accept="application/octet-stream"):
    request = urllib.request.Request(BASE + path, headers={"Accept": accept, "Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(request) as response:
        return response.read()


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def computed():
    text = get("/actuator/prometheus", "text/plain").decode()
    return float(re.search(r"^seedbank_permutations_computed_total\S* (\S+)$", text, re.M).group(1))


def indices(world, rank, epoch, seed):
    return (f"/api/v1/samplers/distributed/indices?datasetSize={N}&worldSize={world}&rank={rank}"
            f"&epoch={epoch}&seed={seed}&torchVersion=1.13.1")


# Warm the JVM (JIT) on other seeds first: "cold" means the permutation is not cached yet.
for seed in range(3):
    get(indices(W, 0, 0, 100 + seed))

sampler = DistributedSampler(range(N), num_replicas=W, rank=0, seed=4242)
sampler.set_epoch(3)
torch_s, order = timed(lambda: list(sampler))
cold_s, body = timed(lambda: get(indices(W, 0, 3, 4242)))
assert body[:8 * len(order)] == b"".join(i.to_bytes(8, "little", signed=True) for i in order), "order differs from torch"
cached_s, _ = timed(lambda: get(indices(W, 0, 3, 4242)))

before = computed()
with concurrent.futures.ThreadPoolExecutor(16) as pool:
    stampede_s, _ = timed(lambda: list(pool.map(lambda r: get(indices(16, r, 9, 777)), range(16))))
stampede_computed = computed() - before

print(f"torch list(DistributedSampler(N={N}, W={W})) rank 0: {torch_s:.3f} s")
print(f"cold   HTTP octet-stream: {cold_s:.3f} s  ratio {cold_s / torch_s:.3f}  (goal <= 0.2)")
print(f"cached HTTP octet-stream: {cached_s:.3f} s  ratio {cached_s / torch_s:.4f} (goal <= 0.02)")
print(f"stampede 16 ranks of a new epoch: {stampede_s:.3f} s = {stampede_s / cold_s:.2f}x one cold request "
      f"(goal <= 3), permutations computed: {stampede_computed:.0f} ")
