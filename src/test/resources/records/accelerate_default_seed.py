# accelerate's prepared loader when the run passes no data_seed: set_seed(globalSeed), then
# prepare_data_loader(..., use_seedable_sampler=True) without data_seed, whose
# SeedableRandomSampler falls back to torch.initial_seed() (accelerate data_loader.py).
# stdin, per line: datasetSize numProcesses processIndex batchSize epoch globalSeed
# stdout, per line: count sha256 of the process's indices, batches concatenated.
# Used by SamplerKindLiveTests (venv: accelerate 1.15.0, torch 2.13.0).
import hashlib
import struct
import sys
import warnings

import torch
from torch.utils.data import DataLoader
from accelerate.data_loader import prepare_data_loader
from accelerate.utils import set_seed

warnings.filterwarnings("ignore")

for line in sys.stdin:
    n, p, i, b, epoch, seed = (int(v) for v in line.split())
    set_seed(seed)
    loader = prepare_data_loader(DataLoader(range(n), batch_size=b, shuffle=True),
                                 num_processes=p, process_index=i, use_seedable_sampler=True)
    loader.set_epoch(epoch)
    batches = [batch for batch in loader]
    order = torch.cat(batches).tolist() if batches else []
    print(len(order), hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest(),
          flush=True)
