# Real DataLoader workers under Lightning's pl_worker_init_function, read back and compared
# with the seeds the engine computed. One case per stdin line:
#   loaderSeed numWorkers rank epochs mode  then, per epoch and worker:  randomSeed np0 np1 np2 np3
# (mode 0: worker_init_fn=partial(pl_worker_init_function, rank=rank), as Lightning's
# _auto_add_worker_init_fn installs it; mode 1: plain pl_worker_init_function with
# rank_zero_only.rank set). Prints per epoch and worker:
#   "<epoch> <workerId> <torch.initial_seed()> <random ok> <numpy ok>"
# where "random ok" says the worker's random.getstate() equals the state random.seed(randomSeed)
# makes, and "numpy ok" that its np.random.get_state() equals np.random.seed(words)'s.
# Used by LightningWorkerSeedsLiveTests (lightning 2.6.6, torch 2.13, numpy 2.4).
import functools
import hashlib
import random
import sys
import warnings

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info
from lightning.fabric.utilities.rank_zero import rank_zero_only
from lightning.fabric.utilities.seed import pl_worker_init_function

warnings.filterwarnings("ignore", message=".*worker processes in total.*")


def fingerprint():
    numpy_state = np.random.get_state()
    numpy_digest = hashlib.sha256(numpy_state[1].tobytes() + str(numpy_state[2:]).encode()).hexdigest()
    return torch.initial_seed(), hash(random.getstate()), numpy_digest


class Probe(Dataset):
    def __len__(self):
        return 12

    def __getitem__(self, index):
        torch_seed, random_hash, numpy_digest = fingerprint()
        return get_worker_info().id, torch_seed, random_hash, numpy_digest


def expected(random_seed, words):
    random.seed(random_seed)
    np.random.seed(np.array(words, dtype=np.uint32) if len(words) > 1 else words[0])
    return hash(random.getstate()), fingerprint()[2]


for line in sys.stdin:
    fields = [int(v) for v in line.split()]
    loader_seed, workers, rank, epochs, mode = fields[:5]
    wanted = fields[5:]
    if mode == 1:
        rank_zero_only.rank = rank
        init = pl_worker_init_function
    else:
        init = functools.partial(pl_worker_init_function, rank=rank)
    loader = DataLoader(Probe(), batch_size=None, num_workers=workers, worker_init_fn=init,
                        generator=torch.Generator().manual_seed(loader_seed))
    for epoch in range(epochs):
        first = {}
        for worker_id, torch_seed, random_hash, numpy_digest in loader:
            first.setdefault(worker_id, (torch_seed, random_hash, numpy_digest))
        for worker_id in range(workers):
            at = (epoch * workers + worker_id) * 5
            random_seed, words = wanted[at], wanted[at + 1:at + 5]
            torch_seed, random_hash, numpy_digest = first[worker_id]
            random_ok, numpy_ok = (a == b for a, b in zip(expected(random_seed, words), (random_hash, numpy_digest)))
            print(epoch, worker_id, torch_seed, int(random_ok), int(numpy_ok), flush=True)
