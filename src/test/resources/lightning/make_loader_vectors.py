# Writes lightning-2.6.6-loader-worker-seeds.jsonl: per (loaderSeed, epoch, numWorkers, rank,
# shuffle, datasetSize), the worker seeds GET /seeds/workers serves, keyed by what the endpoint
# takes (the loader's seed), not by the base seed as lightning-2.6.6-worker-seeds.jsonl is.
# The base seed is read from a real DataLoader iterator (_base_seed of the epoch-th iter(loader),
# every earlier epoch iterated to the end, so a shuffling loader's RandomSampler has drawn from
# the same generator); each worker's seeds come from the packages' own functions: torch's
# (_utils.worker._generate_state, base_seed + worker_id) and Lightning's, exactly as
# pl_worker_init_function calls them. Deterministic. Run with the reference venv's python
# (torch 2.13.0, lightning 2.6.6, numpy 2.4):
#   python make_loader_vectors.py > lightning-2.6.6-loader-worker-seeds.jsonl
import json
import random

import lightning
import numpy as np
import torch
from torch.utils.data import DataLoader
from torch.utils.data._utils.worker import _generate_state
from lightning.fabric.utilities.seed import _generate_seed_sequence

rng = random.Random(20261203)
cases = [(0, 0, 1, 0, False, 1), (42, 1, 2, 3, False, 10), (42, 1, 2, 3, True, 10), (2**64 - 1, 2, 3, 0, True, 7),
         (-1, 3, 4, 65535, False, 5), (2**63, 0, 2, 70000, True, 1)]
cases += [(rng.randrange(-2**63, 2**64), rng.randrange(5), rng.randrange(1, 5), rng.randrange(2**17),
           rng.random() < 0.5, rng.randrange(1, 60)) for _ in range(14)]
for loader_seed, epoch, workers, rank, shuffle, size in cases:
    loader = DataLoader(range(size), batch_size=None, shuffle=shuffle,
                        generator=torch.Generator().manual_seed(loader_seed))
    for _ in range(epoch):
        for _ in loader:
            pass
    base = iter(loader)._base_seed
    plain, seeded = [], []
    for w in range(workers):
        plain.append(dict(workerId=w, seed=base + w, randomSeed=base + w,
                          numpySeed=[int(x) for x in _generate_state(base, w)]))
        s = _generate_seed_sequence(base, w, rank, count=4)
        seeded.append(dict(workerId=w, seed=s[0], randomSeed=(s[1] << 32) | s[2],
                           numpySeed=[int(x) for x in np.random.SeedSequence([base, w, rank]).generate_state(4)]))
    print(json.dumps(dict(torchVersion=torch.__version__.split("+")[0], lightningVersion=lightning.__version__,
                          loaderSeed=loader_seed, epoch=epoch, numWorkers=workers, rank=rank, shuffle=shuffle,
                          datasetSize=size, baseSeed=base, torchWorkers=plain, lightningWorkers=seeded),
                     separators=(",", ":")))
