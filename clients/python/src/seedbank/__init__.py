"""seedbank: recorded seeds and torch-exact DistributedSampler orders, over HTTP."""

# Kept on its own line, outside __all__'s list, so it merges beside the timeline's
# exports; `from seedbank import RemoteRecordSampler` is the supported import.
from .sampler import RemoteRecordSampler  # noqa: F401  (records of every sampler kind)
from .client import Client, IndexPage
from .digest import order_digest
from .errors import OrderMismatchError, SeedbankError
from .sampler import RemoteDistributedSampler

__version__ = "0.1.0"
__all__ = ["Client", "IndexPage", "OrderMismatchError", "RemoteDistributedSampler",
           "SeedbankError", "order_digest"]
