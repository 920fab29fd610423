"""Writes torch.utils.data.DistributedSampler rows (JSON lines) with the torch it runs on.

    python generate_distributed_sampler.py small > small.jsonl   # every row but the large one, seconds
    python generate_distributed_sampler.py large > large.jsonl   # the datasetSize >= 214,748,364 row, ~80 s

Row format: see README.md beside this file (the same as torch-1.13-distributed-sampler.jsonl).
"""
import hashlib
import json
import math
import random
import struct
import sys

import torch
from torch.utils.data import DistributedSampler

VERSION = torch.__version__.split("+")[0]


def digest(order):
    return hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest()


def row(n, w, rank, epoch, seed, shuffle, drop_last):
    sampler = DistributedSampler(range(n), num_replicas=w, rank=rank, shuffle=shuffle, seed=seed, drop_last=drop_last)
    sampler.set_epoch(epoch)
    order = list(sampler)
    out = {"sampler": "torch.utils.data.DistributedSampler", "torchVersion": VERSION, "datasetSize": n,
           "worldSize": w, "rank": rank, "epoch": epoch, "seed": seed, "shuffle": shuffle, "dropLast": drop_last,
           "length": len(order), "sha256": digest(order), "head": order[:8]}
    if n <= 2000:
        out["indices"] = order
    return out


def tensor_order(n, w, rank, epoch, seed, drop_last):
    """DistributedSampler.__iter__'s steps (torch/utils/data/distributed.py) on the int64 tensor
    randperm returns instead of on a Python list, which at n = 2^28 would take ~9 GB; checked
    against the real sampler on small n before the large row is written."""
    g = torch.Generator()
    g.manual_seed(seed + epoch)
    indices = torch.randperm(n, generator=g)
    num_samples = math.ceil((n - w) / w) if drop_last and n % w != 0 else math.ceil(n / w)
    total = num_samples * w
    if not drop_last:
        padding = total - n
        indices = torch.cat([indices, indices.repeat(math.ceil(padding / n))[:padding]]) if padding else indices
    else:
        indices = indices[:total]
    return indices[rank:total:w]


def small():
    rng = random.Random(213)
    extreme = [0, 1, -1, 42, 2**31 - 1, 2**32, 2**32 + 7, -(2**63), 2**63 - 1]
    cases = []
    for n in [0, 1, 2, 3, 5]:
        for w in [1, 2, 4, 7]:
            cases.append((n, w, rng.randrange(w), rng.randrange(5), rng.choice(extreme), True, rng.random() < 0.5))
            cases.append((n, w, w - 1, 0, 0, False, rng.random() < 0.5))
    for epoch in [0, 1, 3]:
        cases.append((100, 8, 5, epoch, 2**64 - 1 - epoch, True, False))
        cases.append((1000, 3, 1, epoch, 2**64 - 1 - epoch, True, True))
    for seed in extreme:
        cases.append((2000, 16, 15, 2, seed, True, False))
        cases.append((2001, 16, 0, 9, seed, True, True))
    while len(cases) < 330:
        n = rng.choice([rng.randrange(20), rng.randrange(2000), rng.randrange(100_000), rng.randrange(2_000_000)])
        w = rng.choice([1, 2, 3, 4, 8, 16, 64, 100])
        epoch = rng.choice([0, 1, rng.randrange(100), rng.randrange(10**6)])
        seed = rng.choice([rng.randrange(100), rng.randrange(-(2**63), 2**63), rng.randrange(2**64 - epoch),
                           rng.randrange(2**32)])
        cases.append((n, w, rng.randrange(w), epoch, seed, rng.random() < 0.85, rng.random() < 0.5))
    for case in cases:
        print(json.dumps(row(*case)), flush=True)


def large():
    for n, w, rank, epoch, seed, drop_last in [(1000, 7, 3, 2, 5, False), (999, 8, 7, 0, -3, True), (5, 8, 6, 1, 0, False)]:
        real = row(n, w, rank, epoch, seed, True, drop_last)["indices"]
        assert tensor_order(n, w, rank, epoch, seed, drop_last).tolist() == real, (n, w, rank, epoch, seed, drop_last)
    n, w, rank, epoch, seed = 214_748_365, 8, 3, 1, 20260101
    order = tensor_order(n, w, rank, epoch, seed, False)
    out = {"sampler": "torch.utils.data.DistributedSampler", "torchVersion": VERSION, "datasetSize": n,
           "worldSize": w, "rank": rank, "epoch": epoch, "seed": seed, "shuffle": True, "dropLast": False,
           "length": int(order.numel()), "sha256": hashlib.sha256(order.numpy().astype("<i8").tobytes()).hexdigest(),
           "head": order[:8].tolist()}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    {"small": small, "large": large}[sys.argv[1]]()
