"""The run timeline from the training side: a sampler that reads a segment's order, and
the bookkeeping a checkpoint and a resume need (API.md, "Run timeline")."""

import hashlib

from .digest import order_digest, pack_indices
from .errors import OrderMismatchError

try:
    from torch.utils.data import Sampler as _Base
except ImportError:  # torch is optional: a plain iterable then
    _Base = object

__all__ = ["RemoteSampler", "find_or_create_experiment", "start_run"]

_CHUNK = 4096


class RemoteSampler(_Base):
    """Yields what rank ``rank`` of segment ``segment`` reads, epoch by epoch.

    Segment 0 is the uninterrupted record; a resumed job registers a segment (see
    :func:`start_run`) and reads the order the service serves for it, which under
    ``resume: exact`` continues the epoch's stream exactly where the checkpoint stopped,
    whatever the new world size. Call ``set_epoch(epoch)`` before each epoch as with
    torch's ``DistributedSampler``.

    As it yields, it hashes what it yields; once the epoch's whole order was yielded it posts
    that digest as the rank's certificate (``certify=False`` turns this off) and keeps the
    verdict in ``last_certificate``. The whole order is checked against the service's
    ``Seedbank-Order-Sha256`` before the first index is yielded.

    ``state_dict()`` is what a checkpoint needs: the epoch, this rank's position in the
    order and the job's sample counter ``start_sample`` (the stream position the next
    segment starts at); ``load_state_dict()`` continues the same segment from there.

    ``len_offset`` is added to ``len(sampler)``: frameworks that restore a batch counter
    on resume (Lightning) count the batches already done against the sampler's length.
    """

    def __init__(self, client, experiment_id, rank, segment=0, epoch=0, certify=True):
        if _Base is not object:
            try:
                super().__init__(None)
            except TypeError:
                super().__init__()
        self.client = client
        self.experiment_id = experiment_id
        self.rank = rank
        self.segment = segment
        self.epoch = epoch
        self.certify = certify
        self.position = 0
        self.len_offset = 0
        self.last_certificate = None
        self.last_sha256 = None
        self._resume_at = 0
        self._total = None
        self._info = None
        self._hashing = None

    def set_epoch(self, epoch):
        if epoch != self.epoch:
            self._resume_at = 0
            self._total = None
            self.position = 0
        self.epoch = epoch

    def segment_info(self):
        """The segment as recorded: ``worldSize``, ``startEpoch``, ``startSample``, ``resume``."""
        if self._info is None:
            self._info = next(s for s in self.client.segments(self.experiment_id)
                              if s["segment"] == self.segment)
        return self._info

    def __iter__(self):
        epoch = self.epoch
        page = self.client.segment_indices_with_meta(self.experiment_id, self.segment, epoch,
                                                     self.rank)
        indices = page.indices
        actual = order_digest(indices)
        if page.sha256 is None or actual != page.sha256.lower():
            raise OrderMismatchError(
                title="order digest mismatch",
                detail="experiment %s segment %d epoch %d rank %d: received %d indices hashing to "
                       "%s, service announced %s" % (self.experiment_id, self.segment, epoch,
                                                     self.rank, len(indices), actual, page.sha256))
        self._total = len(indices)
        start, self._resume_at = self._resume_at, 0
        hasher = hashlib.sha256(pack_indices(indices[:start]))
        self._hashing = (epoch, hasher)
        self.position = start
        for a in range(start, len(indices), _CHUNK):
            part = indices[a:a + _CHUNK]
            # Hashed a chunk ahead; finish_epoch only posts once all of it was yielded.
            hasher.update(pack_indices(part))
            for index in part:
                self.position += 1
                yield index
        self.finish_epoch()

    def finish_epoch(self):
        """Post the certificate once every index of the epoch's order was yielded.

        Runs when the iterator is exhausted; a loop that stops on its own batch count
        without asking for more (Lightning) calls it at the epoch's end. Once per epoch.
        """
        hashing, self._hashing = self._hashing, None
        if hashing is None or self._total is None or self.position < self._total:
            self._hashing = hashing
            return self.last_certificate
        epoch, hasher = hashing
        self.last_sha256 = hasher.hexdigest()
        if self.certify:
            self.last_certificate = self.client.certify(self.experiment_id, epoch, self.rank,
                                                        self.last_sha256, self._total,
                                                        segment=self.segment)
        return self.last_certificate

    def total(self):
        """The length of this rank's order for the current epoch."""
        if self._total is None:
            self._total = self.client.segment_indices_with_meta(
                self.experiment_id, self.segment, self.epoch, self.rank, limit=0).total
        return self._total

    def __len__(self):
        return self.total() - self._resume_at + self.len_offset

    def state_dict(self, consumed=None):
        """What a checkpoint needs to resume this run.

        ``consumed`` is how many of this epoch's indices this rank has really consumed
        (default: how many it yielded; a loader that prefetches has yielded more than the
        model consumed, so frameworks pass their own count). Ranks run in lockstep, so the
        job's counter is the segment's start plus ``consumed * worldSize``.
        """
        info = self.segment_info()
        position = self.position if consumed is None else min(int(consumed), self.total())
        epoch = self.epoch
        if position >= self.total():
            epoch, position, start_sample = epoch + 1, 0, 0
        else:
            counter_start = info["startSample"] if epoch == info["startEpoch"] else 0
            start_sample = counter_start + position * info["worldSize"]
        return {"experiment_id": self.experiment_id, "segment": self.segment, "rank": self.rank,
                "world_size": info["worldSize"], "epoch": epoch, "position": position,
                "start_sample": start_sample}

    def load_state_dict(self, state):
        """Continue from a checkpoint of this sampler.

        Within the same segment (same world size) the next ``__iter__`` starts at the
        saved position. A checkpoint of an earlier segment only sets the epoch: the
        segment a resume registered already starts where that checkpoint stopped.
        """
        self.epoch = int(state["epoch"])
        self._total = None
        if state.get("segment") == self.segment and state.get("rank") == self.rank:
            self._resume_at = int(state["position"])
        else:
            self._resume_at = 0


def find_or_create_experiment(client, name, **fields):
    """The id of the experiment named ``name``, created with ``fields`` when there is none."""
    found = client.find_experiments(name=name, size=1)["items"]
    if found:
        return found[0]["id"]
    return client.create_experiment(name=name, **fields)["id"]


def start_run(client, rank, world_size, broadcast, experiment_id=None, name=None, fields=None,
              state=None, resume="exact", batch_size=None, gradient_accumulation=None,
              certify=True):
    """Set a (possibly resumed) job up on the timeline and return this rank's sampler.

    Rank 0 finds or creates the record (``experiment_id``, or ``name`` with ``fields``)
    and, when ``state`` (a :meth:`RemoteSampler.state_dict` from the checkpoint) is given,
    registers the restart as a new segment on ``world_size`` ranks under ``resume``.
    ``broadcast(value)`` hands rank 0's value to every rank (``value`` is ``None`` on the
    others), e.g. via ``torch.distributed.broadcast_object_list``.
    """
    chosen = None
    if rank == 0:
        eid = experiment_id or find_or_create_experiment(client, name, **(fields or {}))
        segment = 0
        if state is not None:
            segment = client.add_segment(eid, world_size, int(state["epoch"]),
                                         int(state["start_sample"]), resume, batch_size,
                                         gradient_accumulation)["segment"]
        chosen = [eid, segment]
    eid, segment = broadcast(chosen)
    epoch = int(state["epoch"]) if state is not None else 0
    return RemoteSampler(client, eid, rank, segment=segment, epoch=epoch, certify=certify)
