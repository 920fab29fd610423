#!/usr/bin/env python3
"""A small real training run whose data order and seeds come from seedbank.

It records an experiment (framework torch, policy LINKED), reads its seed manifest, and
starts ``--world-size`` processes (torch.distributed with gloo on localhost and DDP; plain
processes with ``--no-distributed`` or when gloo cannot start). Each rank seeds as the
manifest says, trains a linear model on a synthetic dataset through a DataLoader whose
sampler is ``RemoteDistributedSampler``, and posts each epoch's order digest to
``verify``. Then every rank resumes from a checkpoint taken mid-epoch
(``start_index = batches_done * batch_size``) and checks that the rest of that epoch is the
tail of the original order, and that training ends on the same weights.

Exit status: 0 when every check passed, 1 on any mismatch, 2 when a rank crashed or the
service refused a call.

    PYTHONPATH=src python3 examples/launcher.py --url http://localhost:8080 --token ...
"""

import argparse
import datetime
import json
import os
import random
import re
import socket
import sys
import tempfile
import traceback
import uuid

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch.utils.data import DataLoader, Dataset

from seedbank import Client, RemoteDistributedSampler, SeedbankError, order_digest

try:
    import numpy
except ImportError:
    numpy = None


class Synthetic(Dataset):
    """y = x . w + noise, fixed by its own generator: the same data in every process."""

    def __init__(self, size, features=4):
        g = torch.Generator().manual_seed(20240601)
        self.x = torch.randn(size, features, generator=g)
        w = torch.arange(1.0, features + 1.0)
        self.y = self.x @ w + 0.1 * torch.randn(size, generator=g)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return i, self.x[i], self.y[i]


def local_torch_version():
    """The numeric release (Debian's 1.13.1 calls itself 1.13.0a0; both order alike)."""
    match = re.match(r"\d+\.\d+(\.\d+)?", torch.__version__)
    return match.group(0) if match else torch.__version__


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seeds_for(client, experiment_id, rank):
    """The process and loader seeds the manifest gives this rank."""
    env = client.manifest_env(experiment_id, rank)
    process = int(env.get("SEEDBANK_PROCESS_SEED", env["SEEDBANK_GLOBAL_SEED"]))
    loader = int(env.get("SEEDBANK_LOADER_SEED", process))
    return process, loader, env


def seed_everything(seed):
    random.seed(seed)
    if numpy is not None:
        numpy.random.seed(seed % 2 ** 32)  # NumPy takes 32 bits, as torch's workers do
    torch.manual_seed(seed)


class Rank:
    def __init__(self, rank, args, distributed):
        self.rank = rank
        self.args = args
        self.distributed = distributed
        self.client = Client(args.url, args.token)
        self.ok = True
        self.lines = []

    def say(self, text, ok=True):
        self.ok &= ok
        line = "rank %d: %s%s" % (self.rank, text, "" if ok else "  <-- MISMATCH")
        self.lines.append(line)
        print(line, flush=True)

    def model(self, state=None):
        model = torch.nn.Linear(4, 1)
        if state is not None:
            model.load_state_dict(state["model"])
        if self.distributed:
            model = torch.nn.parallel.DistributedDataParallel(model)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.02, momentum=0.9)
        if state is not None:
            optimizer.load_state_dict(state["optimizer"])
        return model, optimizer

    def loader(self, dataset, sampler, loader_seed):
        return DataLoader(dataset, batch_size=self.args.batch_size, sampler=sampler,
                          generator=torch.Generator().manual_seed(loader_seed))

    def train(self, model, optimizer, loader, epoch, seen, checkpoint=None):
        """One epoch (or its rest); saves a checkpoint after ``checkpoint`` batches if asked."""
        taken = False
        for batch, (index, x, y) in enumerate(loader):
            seen.extend(int(i) for i in index)
            optimizer.zero_grad()
            loss = torch.nn.functional.mse_loss(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
            if checkpoint is not None and batch + 1 == checkpoint:
                # Saved to disk at once: the optimizer's buffers change in place later.
                module = model.module if self.distributed else model
                torch.save({"epoch": epoch, "start_index": len(seen),
                            "model": module.state_dict(), "optimizer": optimizer.state_dict()},
                           self.checkpoint_path())
                taken = True
        return taken

    def checkpoint_path(self):
        return os.path.join(self.args.workdir, "rank%d.pt" % self.rank)

    def run(self):
        args, experiment = self.args, self.args.experiment
        process_seed, loader_seed, env = seeds_for(self.client, experiment, self.rank)
        seed_everything(process_seed)
        self.say("seeds process=%d loader=%d data=%s (from the manifest)"
                 % (process_seed, loader_seed, env.get("SEEDBANK_DATA_SEED", "?")))
        dataset = Synthetic(args.dataset_size)

        model, optimizer = self.model()
        sampler = RemoteDistributedSampler(self.client, experiment, self.rank, verify=True)
        loader = self.loader(dataset, sampler, loader_seed)
        orders, checkpoint = [], False
        for epoch in range(args.epochs):
            sampler.set_epoch(epoch)
            seen = []
            taken = self.train(model, optimizer, loader, epoch, seen,
                               args.resume_batch if epoch == args.resume_epoch else None)
            checkpoint |= taken
            orders.append(seen)
            digest = order_digest(seen)
            answer = self.client.verify(experiment, epoch, self.rank, sha256=digest,
                                        count=len(seen))
            self.say("epoch %d: %d indices, sha256 %s..., verify match=%s"
                     % (epoch, len(seen), digest[:16], answer.get("match")),
                     answer.get("match") is True)
        final = {k: v.clone() for k, v in
                 (model.module if self.distributed else model).state_dict().items()}

        if not checkpoint:
            self.say("no checkpoint taken (resume batch past the epoch's end)", False)
            return
        state = torch.load(self.checkpoint_path())
        start, first = state["start_index"], state["epoch"]
        model, optimizer = self.model(state)
        sampler = RemoteDistributedSampler(self.client, experiment, self.rank,
                                           start_index=start, verify=True)
        loader = self.loader(dataset, sampler, loader_seed)
        for epoch in range(first, args.epochs):
            sampler.set_epoch(epoch)
            seen = []
            self.train(model, optimizer, loader, epoch, seen)
            offset = start if epoch == first else 0
            expected = orders[epoch][offset:]
            answer = self.client.verify(experiment, epoch, self.rank, indices=seen,
                                        offset=offset)
            self.say("resumed epoch %d at index %d: %d indices, tail of the original=%s, "
                     "verify match=%s" % (epoch, offset, len(seen), seen == expected,
                                          answer.get("match")),
                     seen == expected and answer.get("match") is True)
        resumed = (model.module if self.distributed else model).state_dict()
        same = all(torch.equal(final[k], resumed[k]) for k in final)
        self.say("weights after the resumed run equal the uninterrupted run's: %s" % same, same)


def rank_main(rank, args, distributed):
    result = {"rank": rank, "ok": False, "lines": []}
    worker = None
    try:
        if distributed:
            try:
                dist.init_process_group("gloo", rank=rank, world_size=args.world_size,
                                        timeout=datetime.timedelta(seconds=60))
            except Exception as e:  # gloo unavailable here: still a useful run
                print("rank %d: gloo failed (%s), training without DDP" % (rank, e), flush=True)
                distributed = False
        worker = Rank(rank, args, distributed)
        worker.run()
        result.update(ok=worker.ok, lines=worker.lines, distributed=distributed)
    except Exception:
        traceback.print_exc()
        result["lines"] = (worker.lines if worker else []) + [traceback.format_exc()]
    finally:
        if distributed and dist.is_initialized():
            dist.destroy_process_group()
        with open(os.path.join(args.workdir, "result%d.json" % rank), "w") as out:
            json.dump(result, out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("SEEDBANK_URL"),
                        help="service root, default $SEEDBANK_URL")
    parser.add_argument("--token", default=os.environ.get("SEEDBANK_TOKEN"),
                        help="bearer token, default $SEEDBANK_TOKEN")
    parser.add_argument("--world-size", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17, help="globalSeed")
    parser.add_argument("--dataset-size", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--resume-epoch", type=int, default=1,
                        help="epoch of the mid-epoch checkpoint")
    parser.add_argument("--resume-batch", type=int, default=3,
                        help="batches done in that epoch when the checkpoint is taken")
    parser.add_argument("--torch-version", default=local_torch_version(),
                        help="torchVersion to record (default: this torch's release)")
    parser.add_argument("--no-distributed", action="store_true",
                        help="plain processes, no torch.distributed")
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("--url or SEEDBANK_URL is required")
    if not 0 <= args.resume_epoch < args.epochs:
        parser.error("--resume-epoch must be in [0, --epochs)")

    client = Client(args.url, args.token)
    record = client.create_experiment(
        name="launcher-example/%s" % uuid.uuid4(), framework="torch",
        frameworkVersion=args.torch_version, torchVersion=args.torch_version,
        globalSeed=args.seed, dataSeed=None, dataSeedPolicy="LINKED",
        sampler={"datasetSize": args.dataset_size, "worldSize": args.world_size,
                 "shuffle": True, "dropLast": False},
        tags={"example": "launcher"})
    args.experiment = record["id"]
    print("experiment %s: globalSeed=%s effectiveDataSeed=%s"
          % (record["id"], record.get("globalSeed"), record.get("effectiveDataSeed")))
    manifest = client.manifest(record["id"])
    for note in manifest.get("notes", []):
        print("manifest note:", note)
    ranks = manifest.get("ranks", [])
    if len(ranks) != args.world_size:
        print("manifest lists %d ranks, expected %d" % (len(ranks), args.world_size))
        return 1
    for call in ranks[0].get("calls", []):
        print("rank 0 call:", call)

    with tempfile.TemporaryDirectory(prefix="seedbank-launcher-") as workdir:
        args.workdir = workdir
        distributed = not args.no_distributed
        if distributed:
            os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
            os.environ["MASTER_PORT"] = str(free_port())
        try:
            mp.spawn(rank_main, args=(args, distributed), nprocs=args.world_size, join=True)
        except Exception as e:  # a rank died without writing its result
            print("a rank failed: %s" % e)
        results = []
        for rank in range(args.world_size):
            path = os.path.join(workdir, "result%d.json" % rank)
            if not os.path.exists(path):
                print("rank %d left no result" % rank)
                return 2
            with open(path) as f:
                results.append(json.load(f))
    crashed = [r["rank"] for r in results if not r["lines"] or "Traceback" in r["lines"][-1]]
    if crashed:
        print("FAILED: ranks %s crashed" % crashed)
        return 2
    failed = [r["rank"] for r in results if not r["ok"]]
    if failed:
        print("FAILED: mismatches on ranks %s" % failed)
        return 1
    print("OK: %d ranks, %d epochs, every order verified, resume matched (%s)"
          % (args.world_size, args.epochs,
             "gloo + DDP" if all(r.get("distributed") for r in results) else "no DDP"))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SeedbankError as e:
        print("seedbank: %s" % e, file=sys.stderr)
        sys.exit(2)
