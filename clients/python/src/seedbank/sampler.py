"""Samplers that read a recorded experiment's order from seedbank, for every sampler kind."""

from .digest import order_digest
from .errors import OrderMismatchError

try:
    from torch.utils.data import Sampler as _Base
except ImportError:  # torch is optional: a plain iterable then
    _Base = object

__all__ = ["RemoteDistributedSampler", "RemoteRecordSampler"]

#: The kinds whose loaders move to the next epoch by themselves on each ``iter()``:
#: RandomSampler's generator carries on, accelerate's DataLoaderShard calls
#: ``set_epoch(self.iteration)``, and StreamingDataset counts its epochs. Only torch's
#: DistributedSampler repeats its epoch until ``set_epoch`` is called.
_ADVANCING_KINDS = frozenset(("random", "accelerate", "hf-datasets", "streaming"))


class RemoteDistributedSampler(_Base):
    """Yields rank ``rank``'s indices of a recorded experiment, epoch by epoch.

    Use it where ``DistributedSampler(dataset, ...)`` was: call ``set_epoch(epoch)``
    before each epoch as with torch. The service computes the order exactly as torch's
    ``DistributedSampler`` does for the experiment's recorded dataset size, world size,
    seed, shuffle, drop_last and torch version.

    ``start_index`` resumes a run mid-epoch: it is a position in this rank's list for
    the epoch (the number of samples this rank had already consumed, e.g.
    ``batches_done * batch_size``), and it applies to the first epoch iterated only;
    every later ``__iter__`` starts at 0, as the epochs after a resumed one do. It can
    also be changed with :meth:`resume`.

    ``len(sampler)`` is the rank's full count for the epoch (``num_samples`` in torch),
    also on a resumed epoch; it is fetched lazily.

    With ``verify=True`` each epoch's full list is fetched, hashed locally and compared
    with the service's ``Seedbank-Order-Sha256`` header; a difference raises
    :class:`seedbank.OrderMismatchError` before any index is yielded. Without it, a
    resumed epoch fetches only the indices from ``start_index`` on.
    """

    def __init__(self, client, experiment_id, rank, start_index=0, verify=False):
        if _Base is not object:
            try:
                super().__init__(None)
            except TypeError:  # torch releases whose Sampler takes no data_source
                super().__init__()
        if start_index < 0:
            raise ValueError("start_index must be >= 0, not %d" % start_index)
        self.client = client
        self.experiment_id = experiment_id
        self.rank = rank
        self.epoch = 0
        self.start_index = start_index
        self.verify = verify
        self._total = None
        self.last_sha256 = None

    def set_epoch(self, epoch):
        self.epoch = epoch

    def resume(self, start_index):
        """Start the next iteration at ``start_index`` of this rank's list."""
        if start_index < 0:
            raise ValueError("start_index must be >= 0, not %d" % start_index)
        self.start_index = start_index

    def __iter__(self):
        start, self.start_index = self.start_index, 0
        indices = self.fetch(self.epoch, start)
        return iter(indices)

    def fetch(self, epoch, start=0):
        """This rank's list for ``epoch`` from position ``start``, verified if asked."""
        if self.verify:
            page = self.client.indices_with_meta(self.experiment_id, epoch, self.rank)
            actual = order_digest(page.indices)
            if page.sha256 is None or actual != page.sha256.lower():
                raise OrderMismatchError(
                    title="order digest mismatch",
                    detail="experiment %s epoch %d rank %d: received %d indices hashing to %s, "
                           "service announced %s" % (self.experiment_id, epoch, self.rank,
                                                     len(page.indices), actual, page.sha256))
            indices = page.indices[start:]
        else:
            page = self.client.indices_with_meta(self.experiment_id, epoch, self.rank,
                                                 offset=start)
            indices = page.indices
        self.last_sha256 = page.sha256
        if page.total is not None:
            self._total = page.total
        return indices

    def __len__(self):
        if self._total is None:
            page = self.client.indices_with_meta(self.experiment_id, self.epoch, self.rank,
                                                 limit=1)
            self._total = page.total if page.total is not None else len(
                self.client.indices(self.experiment_id, self.epoch, self.rank))
        return self._total


class RemoteRecordSampler(RemoteDistributedSampler):
    """Yields rank ``rank``'s indices of a recorded experiment of any sampler kind.

    The record says which sampler the run used (``sampler.kind``: ``distributed``,
    ``random``, ``accelerate``, ``hf-datasets`` or ``streaming``); ``rank`` is then the
    global rank, the process index (accelerate) or the shard index (hf-datasets), and the
    service computes that rank's order exactly as the library does for the recorded
    settings and seed. Use it where the run's sampler (or ``shuffle=True``) was.

    Epochs follow the recorded kind: ``set_epoch(epoch)`` always selects an epoch, as for
    torch's DistributedSampler; without it, a ``distributed`` record repeats its epoch
    (as torch does) and every other kind reads the next epoch on each ``iter()``, as
    RandomSampler's generator, accelerate's prepared loader and StreamingDataset do.
    ``start_index``, :meth:`resume`, ``verify`` and ``len()`` work as for
    :class:`RemoteDistributedSampler`. The record is read once, on the first iteration.
    """

    def __init__(self, client, experiment_id, rank, start_index=0, verify=False):
        super().__init__(client, experiment_id, rank, start_index=start_index, verify=verify)
        self._kind = None
        self._pinned = False

    @property
    def kind(self):
        """The record's ``sampler.kind`` (``distributed`` for records without one)."""
        if self._kind is None:
            sampler = self.client.get_experiment(self.experiment_id).get("sampler") or {}
            self._kind = sampler.get("kind", "distributed")
        return self._kind

    def set_epoch(self, epoch):
        self.epoch = epoch
        self._pinned = True

    def __iter__(self):
        epoch = self.epoch
        if not self._pinned and self.kind in _ADVANCING_KINDS:
            self.epoch = epoch + 1
        self._pinned = False
        start, self.start_index = self.start_index, 0
        return iter(self.fetch(epoch, start))
