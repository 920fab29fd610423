"""Golden vectors for seedbank's Hugging Face datasets shuffle+shard (dev.seedbank.sampling.hf).

Run with datasets 5.0.1 / numpy 2.4.6:  python make_vectors.py  (writes hf_datasets.jsonl here).
"""
import json
import os

import datasets

from hf_datasets_case import run

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []
for n in [0, 1, 2, 3, 7, 10, 100, 1000]:
    for seed in [0, 42, 2**64 + 5, -1]:
        for shards, index in [(1, 0), (3, 1), (4, 3), (12, 11), (12, 5), (0, 0), (2, 2), (2, -1)]:
            for contiguous in [True, False]:
                CASES.append({"datasetSize": n, "seed": str(seed), "numShards": shards,
                              "shardIndex": index, "contiguous": contiguous})

if __name__ == "__main__":
    assert datasets.__version__ == "5.0.1", datasets.__version__
    with open(os.path.join(HERE, "hf_datasets.jsonl"), "w") as out:
        for case in CASES:
            answer, rows = run(case)
            row = dict(case)
            if rows is None:
                row["raises"] = answer[len("raise "):]
            else:
                row["length"] = len(rows)
                row["sha256"] = answer.split()[1]
                row["indices"] = [int(x) for x in rows]
            out.write(json.dumps(row) + "\n")
