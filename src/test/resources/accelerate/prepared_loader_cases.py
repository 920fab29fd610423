# Reads one case per line on stdin and prints, per case, what accelerate's prepared loader
# yields for it: "<count> <sha256> <skipCount> <skipSha256>" (the skip_first_batches loader
# resumed after <skip> batches), or "raise <ExceptionType>" when accelerate or torch raise.
# Line: datasetSize numProcesses processIndex batchSize epoch seed shuffle dropLast
#       evenBatches splitBatches skip      (booleans as 0/1)
# Used by AcceleratePreparedLoaderLiveTests; runs against the venv's accelerate and torch.
import hashlib
import struct
import sys
import warnings

import torch
from torch.utils.data import DataLoader
from accelerate.data_loader import prepare_data_loader, skip_first_batches

warnings.filterwarnings("ignore")


def digest(order):
    return hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest()


def flat(loader):
    batches = [batch for batch in loader]  # as a training loop reads it (list() would call len())
    return torch.cat(batches).tolist() if batches else []


for line in sys.stdin:
    n, p, i, b, epoch, seed, shuffle, drop, even, split, skip = (int(v) for v in line.split())
    try:
        loader = prepare_data_loader(
            DataLoader(range(n), batch_size=b, shuffle=shuffle == 1, drop_last=drop == 1),
            num_processes=p, process_index=i, split_batches=split == 1, even_batches=even == 1,
            use_seedable_sampler=True, data_seed=seed)
        loader.set_epoch(epoch)
        order = flat(loader)
        loader.set_epoch(epoch)
        resumed = flat(skip_first_batches(loader, skip))
        print(len(order), digest(order), len(resumed), digest(resumed), flush=True)
    except Exception as ex:  # the engine must raise for exactly these cases
        print("raise", type(ex).__name__, flush=True)
