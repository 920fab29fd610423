# Real DataLoader workers of a loader that shares its generator with its RandomSampler
# (DataLoader(shuffle=True, generator=g)) under Lightning's pl_worker_init_function, against
# what seedbank's workers endpoint answered for a seedWorkers record of kind random.
# stdin, first line: datasetSize loaderSeed numWorkers epochs rank
# then one line per answered worker: epoch workerId baseSeed seed randomSeed numpySeed...
# stdout, per answered worker: epoch workerId baseOk torchOk randomOk numpyOk (0/1 each):
# torch's base seed and initial seed as read in the worker, random's and NumPy's first
# draw against the draw the answered seeds give. Used by SamplerKindLiveTests (venv:
# torch 2.13.0, lightning 2.6.6).
import functools
import random
import sys
import warnings

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset
from lightning.fabric.utilities.seed import pl_worker_init_function

warnings.filterwarnings("ignore")


class Probe(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        info = torch.utils.data.get_worker_info()
        return (info.id, info.seed - info.id, torch.initial_seed(), random.random(),
                float(np.random.random()))


n, seed, workers, epochs, rank = (int(v) for v in sys.stdin.readline().split())
loader = DataLoader(Probe(n), batch_size=None, shuffle=True,
                    generator=torch.Generator().manual_seed(seed), num_workers=workers,
                    worker_init_fn=functools.partial(pl_worker_init_function, rank=rank))
seen = []
for _ in range(epochs):
    first = {}
    for item in loader:
        first.setdefault(item[0], item)
    seen.append(first)
for line in sys.stdin:
    epoch, worker, base, torch_seed, random_seed, *numpy_seed = (int(v) for v in line.split())
    _, real_base, real_torch, real_random, real_numpy = seen[epoch][worker]
    expected_random = random.Random(random_seed).random()
    np.random.seed(numpy_seed)
    expected_numpy = float(np.random.random())
    print(epoch, worker, int(real_base == base), int(real_torch == torch_seed),
          int(real_random == expected_random), int(real_numpy == expected_numpy), flush=True)
