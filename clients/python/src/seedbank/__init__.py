"""seedbank: recorded seeds and library-exact data orders of every sampler kind, over HTTP."""

from .client import Client, IndexPage
from .digest import order_digest
from .errors import OrderMismatchError, SeedbankError
from .sampler import RemoteDistributedSampler, RemoteRecordSampler
from .timeline import RemoteSampler, find_or_create_experiment, start_run

__version__ = "0.1.0"
__all__ = ["Client", "IndexPage", "OrderMismatchError", "RemoteDistributedSampler",
           "RemoteRecordSampler", "RemoteSampler", "SeedbankError", "find_or_create_experiment",
           "order_digest", "start_run"]
