"""seedbank: recorded seeds and library-exact data orders of every sampler kind, over HTTP."""

from .client import Client, IndexPage
from .digest import order_digest
from .errors import OrderMismatchError, SeedbankError
from .sampler import RemoteDistributedSampler, RemoteSampler

__version__ = "0.1.0"
__all__ = ["Client", "IndexPage", "OrderMismatchError", "RemoteDistributedSampler",
           "RemoteSampler", "SeedbankError", "order_digest"]
