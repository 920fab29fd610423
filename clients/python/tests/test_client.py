"""Client calls against the fake service: paths, parameters, headers, formats."""

import json
import os
import unittest
from pathlib import Path
from unittest import mock

import numpy

from fakeserver import FakeSeedbank
from reference import torch_order
from seedbank import Client, IndexPage, SeedbankError, order_digest

CONFORMANCE = Path(__file__).resolve().parents[3] / "src/test/resources/conformance" \
    / "torch-1.13-distributed-sampler.jsonl"

BODY = dict(name="client/a", framework="torch", frameworkVersion="1.13.1", torchVersion="1.13.1",
            globalSeed=2 ** 64 - 1, dataSeed=None, dataSeedPolicy="LINKED",
            sampler={"datasetSize": 100, "worldSize": 3}, tags={"team": "vision"})


class ClientTests(unittest.TestCase):

    def setUp(self):
        self.fake = FakeSeedbank().__enter__()
        self.addCleanup(self.fake.__exit__, None, None, None)
        self.client = Client(self.fake.url, token="t0k3n", retries=0)

    def test_create_get_and_find(self):
        created = self.client.create_experiment(**BODY)
        self.assertEqual(2 ** 64 - 1, created["globalSeed"], "seeds round-trip exactly")
        self.assertEqual(created, self.client.get_experiment(created["id"]))
        page = self.client.find_experiments(tags={"team": "vision"}, framework="torch", size=5)
        self.assertEqual([created["id"]], [e["id"] for e in page["items"]])
        query = self.fake.requests[-1].query
        self.assertEqual(["team:vision"], query["tag"])
        self.assertEqual(["5"], query["size"])
        self.assertNotIn("name", query, "None parameters are left out")

    def test_snake_case_fields_are_sent_as_the_api_names(self):
        self.client.create_experiment(name="snake", framework="torch", framework_version="1",
                                      torch_version="1.13.1", global_seed=1,
                                      data_seed_policy="LINKED",
                                      sampler={"dataset_size": 4, "world_size": 1},
                                      tags={"some_key": "v"})
        body = self.fake.requests[-1].body
        self.assertEqual({"name", "framework", "frameworkVersion", "torchVersion", "globalSeed",
                          "dataSeedPolicy", "sampler", "tags"}, set(body))
        self.assertEqual({"datasetSize": 4, "worldSize": 1}, body["sampler"])
        self.assertEqual({"some_key": "v"}, body["tags"], "tag keys are data, left alone")

    def test_every_request_carries_the_bearer_token_and_one_idempotency_key_per_create(self):
        self.client.create_experiment(**BODY)
        self.client.create_experiment(**dict(BODY, name="client/b"))
        creates = [r for r in self.fake.requests if r.method == "POST"]
        keys = [r.headers["Idempotency-Key"] for r in creates]
        self.assertEqual(2, len(set(keys)), "a new key per call")
        for r in self.fake.requests:
            self.assertEqual("Bearer t0k3n", r.headers["Authorization"])

    def test_no_token_no_authorization_header(self):
        with mock.patch.dict(os.environ, {"SEEDBANK_TOKEN": ""}):
            Client(self.fake.url).find_experiments()
        self.assertNotIn("Authorization", self.fake.requests[-1].headers)

    def test_env_defaults(self):
        with mock.patch.dict(os.environ, {"SEEDBANK_URL": self.fake.url + "/api/v1/",
                                          "SEEDBANK_TOKEN": "from-env"}):
            client = Client()
        self.assertEqual(self.fake.url + "/api/v1", client.base_url)
        client.find_experiments()
        self.assertEqual("Bearer from-env", self.fake.requests[-1].headers["Authorization"])

    def test_indices_binary_with_headers_as_list_and_numpy(self):
        experiment = self.client.create_experiment(**BODY)["id"]
        expected = torch_order(100, 3, 1, 0, 2 ** 64 - 1, True, False)
        page = self.client.indices_with_meta(experiment, 0, 1, offset=5, limit=10)
        self.assertIsInstance(page, IndexPage)
        self.assertEqual(expected[5:15], page.indices)
        self.assertEqual(order_digest(expected), page.sha256, "digest of the whole list")
        self.assertEqual(len(expected), page.total)
        self.assertEqual("application/octet-stream", self.fake.requests[-1].headers["Accept"])
        array = self.client.indices(experiment, 0, 1, as_numpy=True)
        self.assertIsInstance(array, numpy.ndarray)
        self.assertEqual(numpy.dtype(numpy.int64), array.dtype)
        self.assertEqual(expected, array.tolist())
        self.assertEqual(expected, self.client.indices(experiment, 0, 1))

    def test_stateless_sampler_indices(self):
        page = self.client.sampler_indices_with_meta(1001, 8, 7, epoch=1, seed=-5,
                                                     shuffle=True, drop_last=True, limit=3)
        expected = torch_order(1001, 8, 7, 1, -5, True, True)
        self.assertEqual(expected[:3], page.indices)
        self.assertEqual(order_digest(expected), page.sha256)
        query = self.fake.requests[-1].query
        self.assertEqual(["true"], query["dropLast"])
        self.assertNotIn("torchVersion", query)
        self.assertEqual(expected, self.client.sampler_indices(1001, 8, 7, 1, -5, True, True))

    def test_verify_by_digest_and_by_indices(self):
        experiment = self.client.create_experiment(**BODY)["id"]
        order = self.client.indices(experiment, 0, 2)
        self.assertTrue(self.client.verify(experiment, 0, 2, sha256=order_digest(order),
                                           count=len(order))["match"])
        self.assertEqual({"sha256": order_digest(order), "count": len(order)},
                         self.fake.requests[-1].body)
        self.assertTrue(self.client.verify(experiment, 0, 2, indices=numpy.array(order[4:]),
                                           offset=4)["match"])
        self.assertEqual({"offset": 4, "indices": order[4:]}, self.fake.requests[-1].body)
        wrong = order[:]
        wrong[3], wrong[4] = wrong[4], wrong[3]
        answer = self.client.verify(experiment, 0, 2, indices=wrong)
        self.assertFalse(answer["match"])
        self.assertEqual(3, answer["firstMismatch"]["position"])
        with self.assertRaises(ValueError):
            self.client.verify(experiment, 0, 2)

    def test_manifests_and_workers(self):
        experiment = self.client.create_experiment(**BODY)["id"]
        self.assertEqual(3, len(self.client.manifest(experiment)["ranks"]))
        self.assertEqual(1, self.client.manifest(experiment, rank=1)["rank"])
        env = self.client.manifest_env(experiment, 2)
        self.assertEqual("text/plain", self.fake.requests[-1].headers["Accept"])
        self.assertEqual({"SEEDBANK_EXPERIMENT_ID": experiment,
                          "SEEDBANK_GLOBAL_SEED": str(2 ** 64 - 1),
                          "SEEDBANK_LOADER_SEED": str(2 ** 64 - 1), "SEEDBANK_RANK": "2"}, env)
        self.client.workers(experiment, 1, 3, 4, persistent_workers=True)
        last = self.fake.requests[-1]
        self.assertEqual("/api/v1/experiments/%s/ranks/1/epochs/3/workers" % experiment, last.path)
        self.assertEqual({"numWorkers": ["4"], "persistentWorkers": ["true"]}, last.query)

    def test_404_is_a_seedbank_error(self):
        with self.assertRaises(SeedbankError) as caught:
            self.client.get_experiment("no-such-id")
        self.assertEqual(404, caught.exception.status)
        self.assertEqual("https://seedbank.dev/problems/not-found", caught.exception.type)


class DigestTests(unittest.TestCase):

    def test_known_digests(self):
        self.assertEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                         order_digest([]))
        self.assertEqual(order_digest([1, -1, 2 ** 63 - 1]),
                         order_digest(numpy.array([1, -1, 2 ** 63 - 1], dtype=numpy.int64)))
        self.assertEqual(order_digest([1, 2]), order_digest(numpy.array([1, 2], dtype=">i4")))

    @unittest.skipUnless(CONFORMANCE.exists(), "conformance vectors not in this checkout")
    def test_torch_conformance_vectors(self):
        rows = 0
        with CONFORMANCE.open() as lines:
            for line in lines:
                row = json.loads(line)
                if "indices" in row:
                    self.assertEqual(row["sha256"], order_digest(row["indices"]), line[:200])
                    rows += 1
        self.assertGreater(rows, 0)


if __name__ == "__main__":
    unittest.main()
