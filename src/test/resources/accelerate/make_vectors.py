# Writes accelerate-1.15.0-prepared-loader.jsonl: one row per case of accelerate's prepared
# loader (what AcceleratePreparedLoaderConformanceTests reads). Deterministic: two runs give
# byte-identical files. Run with the reference venv's python (accelerate 1.15.0, torch 2.13).
#   python make_vectors.py > accelerate-1.15.0-prepared-loader.jsonl
import hashlib
import json
import random
import struct
import warnings

import accelerate
import torch
from torch.utils.data import DataLoader
from accelerate.data_loader import prepare_data_loader, skip_first_batches

warnings.filterwarnings("ignore")
rng = random.Random(20261203)


def flat(loader):
    batches = [batch for batch in loader]
    return torch.cat(batches).tolist() if batches else []


def case():
    p = rng.randint(1, 8)
    split = rng.random() < 0.35
    b = p * rng.randint(1, max(1, 16 // p)) if split and rng.random() < 0.8 else rng.randint(1, 16)
    n = rng.choice([0, 1, rng.randint(0, p), rng.randint(0, b * p), rng.randint(0, 300), rng.randint(0, 5000),
                    b * p * rng.randint(1, 6) + rng.randint(-1, 1), rng.randint(100_000, 400_000)])
    seed = rng.choice([rng.randint(0, 99), rng.randint(0, 2**64 - 1), rng.randint(-2**63, -1), 2**64 - 1,
                       rng.randint(0, 2**32 - 1)])
    return dict(datasetSize=max(0, n), numProcesses=p, processIndex=rng.randrange(p), batchSize=b,
                epoch=rng.choice([0, 0, 1, 2, 5, 17, -1]), seed=seed, shuffle=rng.random() < 0.85,
                dropLast=rng.random() < 0.5, evenBatches=rng.random() < 0.75, splitBatches=split,
                skipBatches=rng.randint(0, 5))


for _ in range(120):
    args = case()
    row = dict(library="accelerate", accelerateVersion=accelerate.__version__,
               torchVersion=torch.__version__.split("+")[0], **args)
    try:
        loader = prepare_data_loader(
            DataLoader(range(args["datasetSize"]), batch_size=args["batchSize"], shuffle=args["shuffle"],
                       drop_last=args["dropLast"]),
            num_processes=args["numProcesses"], process_index=args["processIndex"],
            split_batches=args["splitBatches"], even_batches=args["evenBatches"],
            use_seedable_sampler=True, data_seed=args["seed"])
        loader.set_epoch(args["epoch"])
        order = flat(loader)
        loader.set_epoch(args["epoch"])
        resumed = flat(skip_first_batches(loader, args["skipBatches"]))
        row.update(length=len(order), sha256=hashlib.sha256(struct.pack("<%dq" % len(order), *order)).hexdigest(),
                   head=order[:8], resumedLength=len(resumed),
                   resumedSha256=hashlib.sha256(struct.pack("<%dq" % len(resumed), *resumed)).hexdigest())
        if len(order) <= 300:
            row["indices"] = order
    except Exception as ex:
        row["raises"] = type(ex).__name__ + ": " + str(ex)
    print(json.dumps(row, separators=(",", ":")), flush=True)
