"""What real torch does: the reference every order and seed is compared with."""

import hashlib
import re

import torch
from torch.utils.data import DataLoader, DistributedSampler


def torch_order(dataset_size, world_size, rank, epoch, seed, shuffle, drop_last):
    """The indices torch's own DistributedSampler yields."""
    sampler = DistributedSampler(range(dataset_size), num_replicas=world_size, rank=rank,
                                 shuffle=shuffle, seed=seed, drop_last=drop_last)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


def digest(indices):
    """API.md's order digest, written independently of seedbank.order_digest."""
    return hashlib.sha256(b"".join(int(i).to_bytes(8, "little", signed=True)
                                   for i in indices)).hexdigest()


def loader_base_seed(loader_seed, epoch):
    """``_base_seed`` of the ``epoch``-th ``iter(loader)`` of a loader seeded so."""
    loader = DataLoader(range(1), generator=torch.Generator().manual_seed(loader_seed))
    for _ in range(epoch):
        iter(loader)
    return iter(loader)._base_seed


def local_torch_version():
    """The numeric release (Debian's 1.13.1 calls itself 1.13.0a0)."""
    match = re.match(r"\d+\.\d+(\.\d+)?", torch.__version__)
    return match.group(0) if match else torch.__version__
