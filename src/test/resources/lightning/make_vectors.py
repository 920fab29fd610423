# Writes lightning-2.6.6-worker-seeds.jsonl: per (base seed, worker id, global rank), the seeds
# Lightning's pl_worker_init_function gives a DataLoader worker, computed with the package's
# own code (lightning.fabric.utilities.seed._generate_seed_sequence and
# numpy.random.SeedSequence, exactly as pl_worker_init_function calls them). Deterministic.
# Run with the reference venv's python (lightning 2.6.6, numpy 2.4):
#   python make_vectors.py > lightning-2.6.6-worker-seeds.jsonl
import json
import random

import lightning
import numpy as np
from lightning.fabric.utilities.seed import _generate_seed_sequence

rng = random.Random(20261203)
bases = [0, 1, 17, 2**32 - 1, 2**32, 2**63 - 1] + [rng.randrange(2**63) for _ in range(10)] + \
    [rng.randrange(2**32) for _ in range(4)]
for base in bases:
    for worker_id, rank in [(0, 0), (1, 0), (3, 2), (7, 65535), (2, 65536), (1000, 70000), (0, rng.randrange(2**20))]:
        s = _generate_seed_sequence(base, worker_id, rank, count=4)
        numpy_seed = np.random.SeedSequence([base, worker_id, rank]).generate_state(4)
        print(json.dumps(dict(lightningVersion=lightning.__version__, numpyVersion=np.__version__, baseSeed=base,
                              workerId=worker_id, globalRank=rank, torchSeed=s[0], randomSeed=(s[1] << 32) | s[2],
                              numpySeed=[int(w) for w in numpy_seed]), separators=(",", ":")))
