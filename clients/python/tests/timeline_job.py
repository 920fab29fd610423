"""A tiny data-parallel training job on the run timeline, for the kill-and-resume tests.

    timeline_job.py FRAMEWORK WORKDIR --name NAME [--kill-after STEPS] [--resume torch|exact]

FRAMEWORK is ``torch`` (torch.distributed, gloo), ``accelerate`` or ``lightning``; the
process group comes from the launcher's environment (torchrun, or Lightning's own
launcher for ``lightning``). Every rank appends the indices of each batch it trains on to
``WORKDIR/seen-<run>-<rank>.txt``: the ground truth the service's coverage is checked
against. With ``--kill-after k`` rank 0 checkpoints after k optimizer steps and every rank
dies with status 3 (a crash, no clean shutdown); a later run given ``--resume`` loads that
checkpoint, registers the restart and finishes the epoch on however many ranks it has.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset

from seedbank import Client
from seedbank.frameworks import accelerate_sampler, lightning_callback, torch_distributed_sampler

DATASET_SIZE = 64
BATCH_SIZE = 4
KILLED = 3


class Numbers(Dataset):
    def __len__(self):
        return DATASET_SIZE

    def __getitem__(self, i):
        return torch.tensor([float(i)]), torch.tensor(i)


def fields(world_size):
    return dict(framework="torch", frameworkVersion=torch.__version__.split("+")[0],
                torchVersion=torch.__version__.split("+")[0], globalSeed=1234, dataSeed=None,
                dataSeedPolicy="LINKED",
                sampler={"datasetSize": DATASET_SIZE, "worldSize": world_size})


def record(workdir, run, rank, indices):
    with open(workdir / ("seen-%s-%d.txt" % (run, rank)), "a") as out:
        out.write(" ".join(str(int(i)) for i in indices) + "\n")


def plain_loop(args, workdir, rank, sampler, save, die):
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    steps = 0
    loader = DataLoader(Numbers(), batch_size=BATCH_SIZE, sampler=sampler)
    sampler.set_epoch(sampler.epoch)
    for x, ids in loader:
        loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        record(workdir, args.label, rank, ids.tolist())
        steps += 1
        if args.kill_after is not None and steps == args.kill_after:
            save(sampler.state_dict(consumed=steps * BATCH_SIZE))
            die()
    return sampler


def run_torch(args, workdir, client, state):
    import torch.distributed as dist

    dist.init_process_group("gloo")
    rank = dist.get_rank()
    sampler = torch_distributed_sampler(client, state=state, name=args.name,
                                        fields=fields(dist.get_world_size()), resume=args.resume,
                                        batch_size=BATCH_SIZE)

    def save(sampler_state):
        if rank == 0:
            (workdir / "checkpoint.json").write_text(json.dumps(sampler_state))
        dist.barrier()

    sampler = plain_loop(args, workdir, rank, sampler, save, lambda: os._exit(KILLED))
    dist.barrier()
    dist.destroy_process_group()
    return sampler


def run_accelerate(args, workdir, client, state):
    from accelerate import Accelerator

    accelerator = Accelerator(cpu=True)
    rank = accelerator.process_index
    sampler = accelerate_sampler(accelerator, client, state=state, name=args.name,
                                 fields=fields(accelerator.num_processes), resume=args.resume,
                                 batch_size=BATCH_SIZE)

    def save(sampler_state):
        if accelerator.is_main_process:
            (workdir / "checkpoint.json").write_text(json.dumps(sampler_state))
        accelerator.wait_for_everyone()

    sampler = plain_loop(args, workdir, rank, sampler, save, lambda: os._exit(KILLED))
    accelerator.wait_for_everyone()
    return sampler


def run_lightning(args, workdir, client, state):
    import lightning.pytorch as pl

    callback = lightning_callback(client, BATCH_SIZE, name=args.name, resume=args.resume,
                                  fields=fields(args.devices))

    class Model(pl.LightningModule):
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(1, 1)

        def training_step(self, batch, batch_idx):
            x, ids = batch
            record(workdir, args.label, self.global_rank, ids.tolist())
            return self.layer(x).pow(2).mean()

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=1e-3)

        def train_dataloader(self):
            return DataLoader(Numbers(), batch_size=BATCH_SIZE, sampler=callback.sampler)

    class Kill(pl.Callback):
        def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
            if args.kill_after is not None and trainer.global_step == args.kill_after:
                trainer.save_checkpoint(str(workdir / "checkpoint.ckpt"))
                trainer.strategy.barrier()
                os._exit(KILLED)

    trainer = pl.Trainer(accelerator="cpu", devices=args.devices, strategy="ddp" if args.devices > 1 else "auto",
                         max_epochs=1, use_distributed_sampler=False, callbacks=[callback, Kill()],
                         logger=False, enable_checkpointing=False, enable_progress_bar=False,
                         enable_model_summary=False, num_sanity_val_steps=0)
    ckpt = workdir / "checkpoint.ckpt"
    trainer.fit(Model(), ckpt_path=str(ckpt) if args.resume else None)
    return callback.sampler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=("torch", "accelerate", "lightning"))
    parser.add_argument("workdir")
    parser.add_argument("--name", required=True)
    parser.add_argument("--label", default="first")
    parser.add_argument("--kill-after", type=int)
    parser.add_argument("--resume", choices=("torch", "exact"))
    parser.add_argument("--devices", type=int, default=1, help="lightning: processes to launch")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    client = Client(retries=3, backoff=0.5)
    state = None
    if args.resume and args.framework != "lightning":
        state = json.loads((workdir / "checkpoint.json").read_text())
    runner = {"torch": run_torch, "accelerate": run_accelerate, "lightning": run_lightning}
    sampler = runner[args.framework](args, workdir, client, state)
    if sampler.last_certificate is not None:
        name = "certificate-%s-%d.json" % (args.label, sampler.rank)
        (workdir / name).write_text(json.dumps(sampler.last_certificate))
    print("experiment", sampler.experiment_id, "segment", sampler.segment, file=sys.stderr)


if __name__ == "__main__":
    main()
