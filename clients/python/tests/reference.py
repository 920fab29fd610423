"""What real torch does: the reference every order and seed is compared with."""

import hashlib
import re

import torch
from torch.utils.data import DataLoader, DistributedSampler, RandomSampler


def torch_order(dataset_size, world_size, rank, epoch, seed, shuffle, drop_last):
    """The indices torch's own DistributedSampler yields."""
    sampler = DistributedSampler(range(dataset_size), num_replicas=world_size, rank=rank,
                                 shuffle=shuffle, seed=seed, drop_last=drop_last)
    sampler.set_epoch(epoch)
    return [int(i) for i in sampler]


def torch_random_order(dataset_size, epoch, seed, num_samples=None, replacement=False,
                       data_loader=False):
    """The ``epoch``-th iteration of torch's own RandomSampler (or of a shuffling
    DataLoader sharing the generator), as API.md's ``random`` row defines it."""
    generator = torch.Generator().manual_seed(seed)
    if data_loader:
        source = DataLoader(range(dataset_size), batch_size=None, shuffle=True,
                            generator=generator)
    else:
        source = RandomSampler(range(dataset_size), replacement=replacement,
                               num_samples=num_samples, generator=generator)
    for _ in range(epoch):
        for _ in source:
            pass
    return [int(i) for i in source]


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
