"""Framework hooks over :mod:`seedbank.timeline`: plain torch.distributed, accelerate and
Lightning. Each finds or creates the record, registers a segment when it resumes from a
checkpoint, hands the training loop a :class:`~seedbank.timeline.RemoteSampler` and lets
it post a certificate at each epoch's end. The frameworks are imported only when used."""

from .timeline import start_run

__all__ = ["accelerate_sampler", "lightning_callback", "torch_distributed_sampler"]


def torch_distributed_sampler(client, state=None, **kwargs):
    """This rank's sampler in an initialised ``torch.distributed`` job (any backend)."""
    import torch.distributed as dist

    def broadcast(value):
        box = [value]
        dist.broadcast_object_list(box, src=0)
        return box[0]

    return start_run(client, dist.get_rank(), dist.get_world_size(), broadcast, state=state,
                     **kwargs)


def accelerate_sampler(accelerator, client, state=None, **kwargs):
    """This process's sampler under an ``accelerate.Accelerator``.

    Build the loader with it and do not pass that loader through ``accelerator.prepare``:
    preparing would shard the already per-rank order again across processes.
    """
    from accelerate.utils import broadcast_object_list

    def broadcast(value):
        return broadcast_object_list([value], from_process=0)[0]

    return start_run(client, accelerator.process_index, accelerator.num_processes, broadcast,
                     state=state, **kwargs)


def lightning_callback(client, batch_size, **kwargs):
    """A Lightning ``Callback`` that owns the run's sampler (see :class:`SeedbankCallback`)."""
    return _lightning_class()(client, batch_size, **kwargs)


def _lightning_class():
    from lightning.pytorch import Callback

    class SeedbankCallback(Callback):
        """Keeps a Lightning run on the timeline.

        ``on_fit_start`` (after Lightning restored a checkpoint's callback state) finds or
        creates the record and, on a resume, registers the segment; the datamodule's
        ``train_dataloader`` then uses ``callback.sampler`` with ``batch_size`` (build the
        Trainer with ``use_distributed_sampler=False`` so Lightning does not wrap it).
        The callback's checkpoint state is the sampler's, counted from the batches the
        fit loop really finished (the loader prefetches ahead of them). On a mid-epoch
        resume Lightning keeps counting batches from the restored number, so the sampler
        reports those batches in its length.
        """

        def __init__(self, client, batch_size, **kwargs):
            self.client = client
            self.batch_size = batch_size
            self.kwargs = kwargs
            self.sampler = None
            self.restored = None
            self._trainer = None

        def on_fit_start(self, trainer, pl_module):
            self._trainer = trainer
            strategy = trainer.strategy

            def broadcast(value):
                return strategy.broadcast(value, src=0)

            self.sampler = start_run(self.client, trainer.global_rank, trainer.world_size, broadcast,
                                     state=(self.restored or {}).get("sampler"),
                                     batch_size=self.batch_size, **self.kwargs)
            if self.restored and self.restored.get("sampler", {}).get("position", 0) > 0:
                self.sampler.len_offset = self.restored["batches"] * self.batch_size

        def on_train_epoch_end(self, trainer, pl_module):
            if self.sampler is not None:
                self.sampler.finish_epoch()

        def state_dict(self):
            if self.sampler is None or self._trainer is None:
                return {}
            batches = self._trainer.fit_loop.epoch_loop.batch_progress.current.ready
            consumed = max(0, batches * self.batch_size - self.sampler.len_offset)
            return {"sampler": self.sampler.state_dict(consumed=consumed), "batches": batches}

        def load_state_dict(self, state_dict):
            self.restored = dict(state_dict) if state_dict else None

    return SeedbankCallback

