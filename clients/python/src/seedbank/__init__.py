"""seedbank: recorded seeds and torch-exact DistributedSampler orders, over HTTP."""

from .client import Client, IndexPage
from .digest import order_digest
from .errors import OrderMismatchError, SeedbankError
from .sampler import RemoteDistributedSampler

__version__ = "0.1.0"
__all__ = ["Client", "IndexPage", "OrderMismatchError", "RemoteDistributedSampler",
           "SeedbankError", "order_digest"]
