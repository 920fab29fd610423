"""One line per case read on stdin (JSON: datasetSize, seed, numShards, shardIndex, contiguous):
prints "<length> <sha256 of the original row numbers as int64 LE>" or "raise <Type>: <message>"
for Dataset.from_dict({"i": list(range(n))}).shuffle(seed=seed).shard(num_shards, index, contiguous).
Used by the live cross-check (HfDatasetsLiveCrossCheckTests) and make_vectors.py."""
import hashlib
import json
import sys

import datasets
import numpy as np
from datasets import Dataset

datasets.disable_progress_bars()
datasets.disable_caching()


def run(case):
    try:
        ds = Dataset.from_dict({"i": list(range(case["datasetSize"]))})
        ds = ds.shuffle(seed=int(case["seed"]))
        ds = ds.shard(num_shards=int(case["numShards"]), index=int(case["shardIndex"]),
                      contiguous=case["contiguous"])
        rows = np.array(ds[:]["i"], dtype="<i8")  # the whole column at once (ds["i"] iterates)
    except Exception as error:  # what datasets raises is the answer
        return "raise %s: %s" % (type(error).__name__, error), None
    return "%d %s" % (len(rows), hashlib.sha256(rows.tobytes()).hexdigest()), rows


if __name__ == "__main__":
    for line in sys.stdin:
        print(run(json.loads(line))[0], flush=False)
