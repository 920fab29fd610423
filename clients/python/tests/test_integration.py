"""Against the real service: set SEEDBANK_URL (and SEEDBANK_TOKEN).

Without SEEDBANK_URL these tests skip, except under CI=true, where they fail: CI must
never pass without having talked to the service.
"""

import os
import subprocess
import sys
import unittest
import uuid
from pathlib import Path

from reference import (digest, loader_base_seed, local_torch_version, torch_order,
                       torch_random_order)
from seedbank import Client, RemoteDistributedSampler, RemoteRecordSampler, SeedbankError, order_digest

PROJECT = Path(__file__).resolve().parents[1]
URL = os.environ.get("SEEDBANK_URL")
TOKEN = os.environ.get("SEEDBANK_TOKEN")
TORCH_VERSION = os.environ.get("SEEDBANK_TEST_TORCH_VERSION") or local_torch_version()
RUN = uuid.uuid4().hex[:12]
SIZES = (0, 1, 7, 100, 1001)
WORLD_SIZES = (1, 3, 8)
EPOCHS = (0, 1, 2)
SEED = 17


def setUpModule():
    if URL:
        return
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError("CI=true but SEEDBANK_URL is not set: the integration tests must run "
                           "against the service in CI")
    raise unittest.SkipTest("SEEDBANK_URL is not set; set it (and SEEDBANK_TOKEN) to run the "
                            "integration tests against a running seedbank")


def grid():
    for size in SIZES:
        for world in WORLD_SIZES:
            for drop_last in (False, True):
                for shuffle in (True, False):
                    yield size, world, shuffle, drop_last


class IntegrationTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = Client(URL, TOKEN, retries=3, backoff=0.5)

    def create(self, size=100, world=3, shuffle=True, drop_last=False, seed=SEED, **extra):
        fields = dict(name="pyclient-it/%s/%s" % (RUN, uuid.uuid4().hex[:8]), framework="torch",
                      frameworkVersion=TORCH_VERSION, torchVersion=TORCH_VERSION,
                      globalSeed=seed, dataSeed=None, dataSeedPolicy="LINKED",
                      sampler={"datasetSize": size, "worldSize": world, "shuffle": shuffle,
                               "dropLast": drop_last},
                      tags={"suite": "pyclient-it", "run": RUN})
        fields.update(extra)
        return self.client.create_experiment(**fields)

    def assertSameOrder(self, expected, actual, where):
        self.assertEqual(len(expected), len(actual), "%s: length" % where)
        for position, (e, a) in enumerate(zip(expected, actual)):
            self.assertEqual(e, a, "%s: value at position %d" % (where, position))

    def test_remote_sampler_yields_every_recorded_kinds_order(self):
        kinds = (
            ({"kind": "random", "datasetSize": 61, "numSamples": 90}, 1),
            ({"kind": "random", "datasetSize": 61, "dataLoader": True}, 1),
            ({"kind": "accelerate", "datasetSize": 61, "numProcesses": 3, "batchSize": 4}, 3),
            ({"kind": "hf-datasets", "datasetSize": 61, "numShards": 3}, 3),
            ({"kind": "streaming", "shardSizes": [20, 17, 24], "shuffle": True,
              "numCanonicalNodes": 2, "ranksPerNode": 2}, 2),
            ({"kind": "distributed", "datasetSize": 61, "worldSize": 3}, 3),
        )
        for sampler, ranks in kinds:
            record = self.create(sampler=sampler)
            self.assertEqual(sampler["kind"], record["sampler"]["kind"])
            for rank in range(ranks):
                remote = RemoteRecordSampler(self.client, record["id"], rank, verify=True)
                for epoch in EPOCHS:
                    where = "%s rank %d epoch %d" % (sampler, rank, epoch)
                    with self.subTest(where):
                        remote.set_epoch(epoch)
                        seen = list(remote)
                        # What the service serves for that rank and epoch, and, where
                        # the library is here, what the library itself yields.
                        self.assertEqual(self.client.indices(record["id"], epoch, rank), seen)
                        if sampler["kind"] == "random":
                            self.assertSameOrder(torch_random_order(
                                61, epoch, SEED, sampler.get("numSamples"), False,
                                sampler.get("dataLoader", False)), seen, where)
                        if sampler["kind"] == "distributed":
                            self.assertSameOrder(torch_order(61, 3, rank, epoch, SEED, True, False),
                                                 seen, where)
            if sampler["kind"] == "random":
                # Without set_epoch, each iter() is the next epoch, as RandomSampler's.
                fresh = RemoteRecordSampler(self.client, record["id"], 0)
                for epoch in EPOCHS:
                    self.assertSameOrder(torch_random_order(
                        61, epoch, SEED, sampler.get("numSamples"), False,
                        sampler.get("dataLoader", False)), list(fresh), "iter %d" % epoch)

    def test_experiment_create_read_search(self):
        key = "pyclient-it-" + uuid.uuid4().hex
        first = self.create(idempotency_key=key, name="pyclient-it/%s/idem" % RUN)
        again = self.create(idempotency_key=key, name="pyclient-it/%s/idem" % RUN)
        self.assertEqual(first["id"], again["id"], "same key and body replays the record")
        self.assertEqual(SEED, first["globalSeed"])
        self.assertEqual(SEED, first["effectiveDataSeed"], "LINKED: data seed = global seed")
        self.assertEqual(first["id"], self.client.get_experiment(first["id"])["id"])
        page = self.client.find_experiments(name="pyclient-it/%s/idem" % RUN,
                                            tags={"run": RUN}, framework="torch")
        self.assertEqual([first["id"]], [e["id"] for e in page["items"]])
        big = self.create(seed=2 ** 64 - 1)
        self.assertEqual(2 ** 64 - 1, self.client.get_experiment(big["id"])["globalSeed"])

    def test_problems(self):
        with self.assertRaises(SeedbankError) as caught:
            self.client.get_experiment(str(uuid.uuid4()))
        self.assertEqual(404, caught.exception.status)
        self.assertTrue(caught.exception.type)
        with self.assertRaises(SeedbankError) as caught:
            self.create(globalSeed=None)
        self.assertEqual(400, caught.exception.status)
        self.assertIn("globalSeed", [e.get("field") for e in caught.exception.errors])

    def test_stateless_indices_equal_torch(self):
        for size, world, shuffle, drop_last in grid():
            for rank in range(world):
                for epoch in EPOCHS:
                    where = "size=%d world=%d rank=%d shuffle=%s drop_last=%s epoch=%d" % (
                        size, world, rank, shuffle, drop_last, epoch)
                    expected = torch_order(size, world, rank, epoch, SEED, shuffle, drop_last)
                    with self.subTest(where):
                        page = self.client.sampler_indices_with_meta(
                            size, world, rank, epoch, SEED, shuffle, drop_last,
                            torch_version=TORCH_VERSION)
                        self.assertSameOrder(expected, page.indices, where)
                        self.assertEqual(digest(expected), page.sha256, where)
                        self.assertEqual(len(expected), page.total, where)

    def test_recorded_experiments_through_the_sampler_equal_torch(self):
        for size, world, shuffle, drop_last in grid():
            experiment = self.create(size, world, shuffle, drop_last)["id"]
            for rank in range(world):
                sampler = RemoteDistributedSampler(self.client, experiment, rank, verify=True)
                for epoch in EPOCHS:
                    sampler.set_epoch(epoch)
                    where = "size=%d world=%d rank=%d shuffle=%s drop_last=%s epoch=%d" % (
                        size, world, rank, shuffle, drop_last, epoch)
                    expected = torch_order(size, world, rank, epoch, SEED, shuffle, drop_last)
                    with self.subTest(where):
                        self.assertSameOrder(expected, list(sampler), where)
                        self.assertEqual(len(expected), len(sampler), where)

    def test_pages_numpy_and_resume(self):
        experiment = self.create(1001, 3)["id"]
        expected = torch_order(1001, 3, 1, 2, SEED, True, False)
        page = self.client.indices_with_meta(experiment, 2, 1, offset=100, limit=50)
        self.assertSameOrder(expected[100:150], page.indices, "offset=100 limit=50")
        self.assertEqual(digest(expected), page.sha256, "the header digests the whole list")
        self.assertEqual(len(expected), page.total)
        self.assertSameOrder(expected, self.client.indices(experiment, 2, 1, as_numpy=True)
                             .tolist(), "numpy")
        resumed = RemoteDistributedSampler(self.client, experiment, 1, start_index=200)
        resumed.set_epoch(2)
        self.assertSameOrder(expected[200:], list(resumed), "resumed at 200")

    def test_verify(self):
        experiment = self.create(100, 3)["id"]
        order = torch_order(100, 3, 2, 1, SEED, True, False)
        answer = self.client.verify(experiment, 1, 2, sha256=order_digest(order),
                                    count=len(order))
        self.assertTrue(answer["match"], answer)
        self.assertEqual(digest(order), answer["expectedSha256"])
        self.assertEqual(len(order), answer["expectedCount"])
        self.assertTrue(self.client.verify(experiment, 1, 2, indices=order[10:],
                                           offset=10)["match"])
        wrong = order[:]
        wrong[5], wrong[6] = wrong[6], wrong[5]
        answer = self.client.verify(experiment, 1, 2, indices=wrong)
        self.assertFalse(answer["match"])
        self.assertEqual({"position": 5, "expected": order[5], "actual": order[6]},
                         answer["firstMismatch"])
        self.assertFalse(self.client.verify(experiment, 1, 2, sha256="0" * 64,
                                            count=len(order))["match"])

    def test_manifest_and_workers_equal_torchs_dataloader(self):
        experiment = self.create(64, 2)["id"]
        manifest = self.client.manifest(experiment)
        self.assertEqual([0, 1], [r["rank"] for r in manifest["ranks"]])
        rank = self.client.manifest(experiment, rank=1)
        self.assertEqual(1, rank["rank"])
        env = self.client.manifest_env(experiment, 1)
        self.assertEqual(str(SEED), env["SEEDBANK_GLOBAL_SEED"])
        self.assertEqual("1", env["SEEDBANK_RANK"])
        loader_seed = int(env["SEEDBANK_LOADER_SEED"])
        self.assertEqual(loader_seed, rank["loaderSeed"])
        from torch.utils.data._utils.worker import _generate_state
        for epoch in (0, 1, 2):
            answer = self.client.workers(experiment, 1, epoch, 3)
            base = loader_base_seed(loader_seed, epoch)
            self.assertEqual(base, answer["baseSeed"], "epoch %d" % epoch)
            for worker in answer["workers"]:
                wid = worker["workerId"]
                self.assertEqual(base + wid, worker["seed"], "epoch %d worker %d" % (epoch, wid))
                self.assertEqual(list(_generate_state(base, wid)), worker["numpySeed"],
                                 "epoch %d worker %d" % (epoch, wid))

    def test_example_launcher(self):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(PROJECT / "src")] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
        args = [sys.executable, str(PROJECT / "examples" / "launcher.py"), "--url", URL,
                "--torch-version", TORCH_VERSION]
        if TOKEN:
            args += ["--token", TOKEN]
        run = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
        self.assertEqual(0, run.returncode, run.stdout + run.stderr)
        self.assertIn("OK: 2 ranks", run.stdout)


if __name__ == "__main__":
    unittest.main()
