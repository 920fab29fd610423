"""Golden vectors for seedbank's NumPy port (dev.seedbank.sampling.numpy).

Run with numpy 2.4.6:  python make_vectors.py   (writes *.jsonl next to this file).
Every value is a decimal integer (uint64/int64 as Python ints) or a float's repr.
"""
import json
import os

import numpy as np
from numpy.random import PCG64, SeedSequence

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = [0, 1, 2, 42, 2**32 - 1, 2**32, 2**64 + 5, 2**100 + 7,
         12345678901234567890123456789012345678901234567890, 2**128 - 1, 2**200 + 3]


def write(name, rows):
    with open(os.path.join(HERE, name), "w") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")


def seed_sequences():
    for seed in SEEDS:
        ss = SeedSequence(seed)
        yield {"seed": str(seed),
               "uint32_4": [int(x) for x in ss.generate_state(4, np.uint32)],
               "uint32_8": [int(x) for x in ss.generate_state(8, np.uint32)],
               "uint64_4": [str(int(x)) for x in ss.generate_state(4, np.uint64)],
               "uint64_8": [str(int(x)) for x in ss.generate_state(8, np.uint64)]}


def seed_sequence_lists():
    """List entropy (as Lightning's SeedSequence([base_seed, worker_id, global_rank])),
    spawn keys and spawn(): each child's and grandchild's state."""
    entropies = [[], [0], [7], [42, 0, 0], [42, 3, 1], [2**32, 5, 2**70], [12345, 1, 2, 3, 4, 5]]
    keys = [[], [3], [1, 2**40]]
    for entropy in entropies:
        for key in keys:
            ss = SeedSequence(entropy, spawn_key=tuple(key))
            children = ss.spawn(3)
            later = ss.spawn(2)
            grandchild = children[1].spawn(2)[1]
            state = lambda s: [int(x) for x in s.generate_state(4, np.uint32)]
            yield {"entropy": [str(e) for e in entropy], "spawn_key": [str(k) for k in key],
                   "uint32_4": state(ss),
                   "uint64_2": [str(int(x)) for x in ss.generate_state(2, np.uint64)],
                   "children": [state(c) for c in children], "later": [state(c) for c in later],
                   "grandchild": state(grandchild)}


def raw():
    for seed in SEEDS:
        yield {"seed": str(seed), "raw": [str(int(x)) for x in PCG64(seed).random_raw(1000)]}


RANGES = [(0, 1), (0, 2), (0, 3), (0, 10), (-5, 5), (0, 2**31), (0, 2**32 - 1), (0, 2**32),
          (0, 2**32 + 1), (-2**31, 2**31), (0, 2**62), (0, 2**63 - 1), (-2**63, 2**63 - 1),
          (-2**63, 0), (-1000, -999), (7, 8), (-2**62, 2**62 + 12345), (10**12, 10**12 + 999)]


def integers():
    for seed in SEEDS[:6]:
        for low, high in RANGES:
            g = np.random.default_rng(seed)
            scalars = [int(g.integers(low, high)) for _ in range(20)]
            array = [int(x) for x in g.integers(low, high, size=200)]
            yield {"seed": str(seed), "low": str(low), "high": str(high),
                   "scalars": [str(x) for x in scalars], "array": [str(x) for x in array]}


def uniform():
    for seed in SEEDS[:6]:
        for low, high in [(0.0, 1.0), (-3.5, 2.25), (0.0, 1e300), (5.0, 5.0), (1e-3, 1e-3 + 1e-9)]:
            g = np.random.default_rng(seed)
            yield {"seed": str(seed), "low": repr(low), "high": repr(high),
                   "values": [repr(float(x)) for x in g.uniform(low, high, 300)]}


def shuffles():
    for seed in SEEDS[:8]:
        for n in [0, 1, 2, 3, 10, 1000]:
            g = np.random.default_rng(seed)
            arr = np.arange(n)
            g.shuffle(arr)
            lst = list(range(n))
            g.shuffle(lst)
            perm = np.random.default_rng(seed).permutation(n)
            after = np.random.default_rng(seed)
            after.permutation(n)
            yield {"seed": str(seed), "n": n, "ndarray": [int(x) for x in arr],
                   "list": lst, "permutation": [int(x) for x in perm],
                   "next_raw_after_permutation": str(int(after.bit_generator.random_raw()))}


def interleavings():
    """A 32-bit draw, then 64-bit/double draws, then 32-bit draws: the held half survives."""
    for seed in SEEDS[:6]:
        g = np.random.default_rng(seed)
        steps = []
        for kind in ["i32", "i64", "i32", "u", "i32", "i32", "i64big", "i32", "interval",
                     "perm", "i32", "u", "i64", "i32"]:
            if kind == "i32":
                steps.append([kind, str(int(g.integers(0, 1000)))])
            elif kind == "i64":
                steps.append([kind, str(int(g.integers(0, 2**40)))])
            elif kind == "i64big":
                steps.append([kind, str(int(g.integers(-2**63, 2**63 - 1)))])
            elif kind == "u":
                steps.append([kind, repr(float(g.uniform(0.0, 1.0)))])
            elif kind == "interval":
                lst = list(range(5))
                g.shuffle(lst)
                steps.append([kind, json.dumps(lst)])
            elif kind == "perm":
                steps.append([kind, json.dumps([int(x) for x in g.permutation(7)])])
        yield {"seed": str(seed), "steps": steps}


if __name__ == "__main__":
    assert np.__version__ == "2.4.6", np.__version__
    write("seed_sequence.jsonl", seed_sequences())
    write("seed_sequence_lists.jsonl", seed_sequence_lists())
    write("pcg64_raw.jsonl", raw())
    write("integers.jsonl", integers())
    write("uniform.jsonl", uniform())
    write("shuffle.jsonl", shuffles())
    write("interleavings.jsonl", interleavings())
