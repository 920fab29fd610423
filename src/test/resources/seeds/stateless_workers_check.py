# Real DataLoader workers read back and compared with the seeds GET /seeds/workers served
# (SamplersLiveOverHttpTests; adapted from ../lightning/worker_seeds_check.py). One case per
# stdin line:
#   loaderSeed numWorkers rank epochs lightning shuffle datasetSize persistent
#   then, per epoch and worker:  randomSeed np0 np1 np2 np3
# lightning 1: worker_init_fn=partial(pl_worker_init_function, rank=rank), as Lightning's
# _auto_add_worker_init_fn installs it after seed_everything(workers=True); 0: torch's own seeding.
# shuffle 1: DataLoader(shuffle=True), whose RandomSampler draws from the loader's generator.
# Prints per epoch and worker:  "<epoch> <workerId> <torch.initial_seed()> <random ok> <numpy ok>"
# where "random ok" says the worker's random.getstate() equals the state random.seed(randomSeed)
# makes, and "numpy ok" that its np.random.get_state() equals np.random.seed(words)'s.
import functools
import hashlib
import random
import sys
import warnings

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info
from lightning.fabric.utilities.seed import pl_worker_init_function

warnings.filterwarnings("ignore", message=".*worker processes in total.*")


def fingerprint():
    numpy_state = np.random.get_state()
    numpy_digest = hashlib.sha256(numpy_state[1].tobytes() + str(numpy_state[2:]).encode()).hexdigest()
    return torch.initial_seed(), hash(random.getstate()), numpy_digest


class Probe(Dataset):
    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size

    def __getitem__(self, index):
        torch_seed, random_hash, numpy_digest = fingerprint()
        return get_worker_info().id, torch_seed, random_hash, numpy_digest


def expected(random_seed, words):
    random.seed(random_seed)
    np.random.seed(np.array(words, dtype=np.uint32))
    return hash(random.getstate()), fingerprint()[2]


for line in sys.stdin:
    fields = [int(v) for v in line.split()]
    loader_seed, workers, rank, epochs, lightning, shuffle, size, persistent = fields[:8]
    wanted = fields[8:]
    init = functools.partial(pl_worker_init_function, rank=rank) if lightning else None
    loader = DataLoader(Probe(size), batch_size=None, shuffle=shuffle == 1, num_workers=workers,
                        persistent_workers=persistent == 1, worker_init_fn=init,
                        generator=torch.Generator().manual_seed(loader_seed))
    at = 0
    for epoch in range(epochs):
        first = {}
        for worker_id, torch_seed, random_hash, numpy_digest in loader:
            first.setdefault(worker_id, (torch_seed, random_hash, numpy_digest))
        for worker_id in range(workers):
            random_seed, words = wanted[at], wanted[at + 1:at + 5]
            at += 5
            torch_seed, random_hash, numpy_digest = first[worker_id]
            random_ok, numpy_ok = (a == b for a, b in zip(expected(random_seed, words), (random_hash, numpy_digest)))
            print(epoch, worker_id, torch_seed, int(random_ok), int(numpy_ok), flush=True)
