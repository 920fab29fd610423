"""Job start for a thousand ranks: W ranks of a new epoch of a recorded experiment
(n = 1e8), each fetching its whole list as octet-stream, through C concurrent connections.
Prints one cold slice (rank 0 of a first epoch: computes the permutation), the whole
start, their ratio, and how many permutations the start computed (single flight: 1).
    python3 bench/job-start.py URL TOKEN [N] [W] [C]"""
import concurrent.futures, hashlib, json, sys, time, urllib.request

url, token = sys.argv[1].rstrip("/"), sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000_000
w = int(sys.argv[4]) if len(sys.argv) > 4 else 1024
c = int(sys.argv[5]) if len(sys.argv) > 5 else 256
auth = {"Authorization": "Bearer " + token}


def call(path, body=None, accept="application/json"):
    headers = dict(auth, Accept=accept)
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    with urllib.request.urlopen(urllib.request.Request(url + path, data=data, headers=headers), timeout=600) as r:
        return r.status, r.headers, r.read()


def computed():
    _, _, text = call("/actuator/prometheus", accept="text/plain")
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.decode().splitlines()
               if line.startswith("seedbank_permutations_computed_total"))


_, _, body = call("/api/v1/experiments", {
    "name": "job-start-%d" % time.time_ns(), "framework": "torch", "frameworkVersion": "2.5.1",
    "torchVersion": "2.5.1", "globalSeed": 17, "dataSeedPolicy": "LINKED",
    "sampler": {"datasetSize": n, "worldSize": w, "shuffle": True, "dropLast": False}})
experiment = json.loads(body)["id"]


def rank(epoch, r):
    status, headers, data = call("/api/v1/experiments/%s/epochs/%d/ranks/%d/indices" % (experiment, epoch, r),
                                 accept="application/octet-stream")
    ok = hashlib.sha256(data).hexdigest() == headers["Seedbank-Order-Sha256"]
    return status, ok


start = time.perf_counter()
rank(0, 0)
cold = time.perf_counter() - start
before = computed()
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(c) as pool:
    answers = list(pool.map(lambda r: rank(7, r), range(w)))
whole = time.perf_counter() - start
# The same start again, permutation and digests cached: the floor set by moving and
# hashing the W lists (both sides) on this machine, whatever the permutation costs.
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(c) as pool:
    again = list(pool.map(lambda r: rank(7, r), range(w)))
cached = time.perf_counter() - start
statuses = sorted({s for s, _ in answers})
print("one cold slice (rank 0 of epoch 0, n=%d, W=%d): %.2f s" % (n, w, cold))
print("job start: %d ranks of epoch 7 through %d connections: %.2f s, statuses %s, digests match %s, "
      "permutations computed %.0f" % (w, c, whole, statuses, all(ok for _, ok in answers), computed() - before))
print("the same start again, cached: %.2f s, statuses %s" % (cached, sorted({s for s, _ in again})))
print("ratio whole start / one cold slice: %.2f (goal <= 3); cached start / cold slice: %.2f"
      % (whole / cold, cached / cold))
