"""Writes torch.utils.data.RandomSampler rows (JSON lines) with the torch it runs on: the
cases too slow for the live cross-check (RandomSamplerLiveCrossCheckTests), i.e. randperm's
64-bit inside-out branch (n >= 214,748,364, since torch 2.6.0).

    python generate_random_sampler.py > torch-2.13-random-sampler.jsonl   # ~2-4 min

Row format: see README.md beside this file.
"""
import hashlib
import json

import torch
from torch.utils.data import DataLoader, RandomSampler

VERSION = torch.__version__.split("+")[0]


def mirrored(n, seed, epoch, num_samples, data_loader):
    """RandomSampler.__iter__ (without replacement) and _BaseDataLoaderIter.__init__'s base-seed
    draw, step by step on tensors: the real __iter__ calls randperm(n).tolist(), 2^28 Python ints
    (~9 GB) at this n. Checked against the real sampler and loader on small n below."""
    g = torch.Generator().manual_seed(seed)
    for e in range(epoch + 1):
        base = torch.empty((), dtype=torch.int64).random_(generator=g).item() if data_loader else -1
        parts = [torch.randperm(n, generator=g) for _ in range(num_samples // n)]
        parts.append(torch.randperm(n, generator=g)[: num_samples % n])
        if e == epoch:
            return torch.cat(parts), base


def real(n, seed, epoch, num_samples, data_loader):
    g = torch.Generator().manual_seed(seed)
    sampler = RandomSampler(range(n), num_samples=num_samples, generator=g)
    source = DataLoader(range(n), batch_size=None, sampler=sampler, generator=g) if data_loader else sampler
    for _ in range(epoch):
        for _ in source:
            pass
    it = iter(source)
    base = it._base_seed if data_loader else -1
    return [int(i) for i in it], base


def row(n, seed, epoch, num_samples, data_loader):
    order, base = mirrored(n, seed, epoch, num_samples, data_loader)
    out = {"sampler": "torch.utils.data.RandomSampler", "torchVersion": VERSION, "datasetSize": n, "seed": seed,
           "epoch": epoch, "numSamples": num_samples, "replacement": False, "dataLoader": data_loader,
           "length": int(order.numel()), "sha256": hashlib.sha256(order.numpy().astype("<i8").tobytes()).hexdigest(),
           "head": order[:8].tolist()}
    if data_loader:
        out["loaderBaseSeed"] = base
    return out


if __name__ == "__main__":
    for case in [(10, 3, 2, 25, True), (7, -1, 1, 3, False), (100, 2**64 - 1, 3, 100, True), (1, 5, 2, 4, True)]:
        order, base = mirrored(*case)
        assert (order.tolist(), base) == real(*case), case
    print(json.dumps(row(214_748_365, 20261203, 1, 5, True)), flush=True)
