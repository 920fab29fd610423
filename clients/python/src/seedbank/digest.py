"""The order digest of API.md: SHA-256 over the indices as little-endian int64."""

import hashlib
import sys
from array import array

_INT64 = "q"  # C long long: 8 bytes on every platform CPython supports


def pack_indices(indices):
    """Write indices as little-endian signed 64-bit integers, nothing else."""
    if hasattr(indices, "astype"):  # a NumPy array: one conversion, no Python loop
        return indices.astype("<i8", copy=False).tobytes()
    packed = array(_INT64, (int(i) for i in indices))
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def unpack_indices(data):
    """The inverse of pack_indices, as a list of ints."""
    if len(data) % 8:
        raise ValueError("index payload of %d bytes is not a whole number of int64" % len(data))
    values = array(_INT64)
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    return values.tolist()


def order_digest(indices):
    """The order digest of a list of indices, lower-case hex (see API.md)."""
    return hashlib.sha256(pack_indices(indices)).hexdigest()

