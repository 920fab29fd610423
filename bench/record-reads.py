"""Seeds the records bench/record-reads.sh reads: R experiments, each tagged with its team
(one of 10) and its sweep (10 records a sweep), through C concurrent creates. Prints the
shell assignments the script evaluates: one record's id and a sweep tag to search.
    python3 bench/record-reads.py URL TOKEN [R] [C]"""
import concurrent.futures, json, sys, time, urllib.request

url, token = sys.argv[1].rstrip("/"), sys.argv[2]
records = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
c = int(sys.argv[4]) if len(sys.argv) > 4 else 8
run = time.time_ns()


def create(i):
    body = {"name": "reads-%d/seed-%d" % (run, i), "framework": "composer", "frameworkVersion": "0.28.0",
            "torchVersion": "2.5.1", "globalSeed": i, "dataSeedPolicy": "LINKED",
            "sampler": {"datasetSize": 1281167, "worldSize": 64, "shuffle": True, "dropLast": False},
            "tags": {"team": "t%d" % (i % 10), "sweep": "s%d-%d" % (run, i // 10)}}
    request = urllib.request.Request(url + "/api/v1/experiments", data=json.dumps(body).encode(), headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["id"]


start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(c) as pool:
    ids = list(pool.map(create, range(records)))
seconds = time.perf_counter() - start
print("created=%d create_s=%.1f" % (records, seconds), file=sys.stderr)
print("id=%s sweep=s%d-%d" % (ids[records // 2], run, records // 20))
