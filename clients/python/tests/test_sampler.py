"""RemoteDistributedSampler against torch's own DistributedSampler, via the fake service."""

import unittest

import torch
from torch.utils.data import DataLoader, DistributedSampler

from fakeserver import FakeSeedbank
from reference import torch_order, torch_random_order
from seedbank import Client, OrderMismatchError, RemoteDistributedSampler, RemoteRecordSampler

SIZES = (0, 1, 7, 100, 1001)
WORLD_SIZES = (1, 3, 8)
EPOCHS = (0, 1, 2)


def create(client, size, world, shuffle=True, drop_last=False, seed=17):
    return client.create_experiment(
        name="grid/%d/%d/%s/%s/%d" % (size, world, shuffle, drop_last, seed), framework="torch",
        frameworkVersion="1.13.1", torchVersion="1.13.1", globalSeed=seed, dataSeed=None,
        dataSeedPolicy="LINKED",
        sampler={"datasetSize": size, "worldSize": world, "shuffle": shuffle,
                 "dropLast": drop_last})["id"]


class SamplerTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.fake = FakeSeedbank().__enter__()
        cls.client = Client(cls.fake.url, retries=0)

    @classmethod
    def tearDownClass(cls):
        cls.fake.__exit__(None, None, None)

    def assertSameOrder(self, expected, actual, where):
        self.assertEqual(len(expected), len(actual), "%s: length" % where)
        for position, (e, a) in enumerate(zip(expected, actual)):
            self.assertEqual(e, a, "%s: value at position %d" % (where, position))

    def test_grid_equals_torch(self):
        checked = 0
        for size in SIZES:
            for world in WORLD_SIZES:
                for drop_last in (False, True):
                    for shuffle in (True, False):
                        experiment = create(self.client, size, world, shuffle, drop_last)
                        for rank in range(world):
                            remote = RemoteDistributedSampler(self.client, experiment, rank)
                            local = DistributedSampler(range(size), num_replicas=world,
                                                       rank=rank, shuffle=shuffle, seed=17,
                                                       drop_last=drop_last)
                            for epoch in EPOCHS:
                                remote.set_epoch(epoch)
                                local.set_epoch(epoch)
                                where = "size=%d world=%d rank=%d shuffle=%s drop_last=%s " \
                                        "epoch=%d" % (size, world, rank, shuffle, drop_last, epoch)
                                with self.subTest(where):
                                    self.assertSameOrder(list(local), list(remote), where)
                                    self.assertEqual(len(local), len(remote), where)
                                checked += 1
        self.assertEqual(checked, 5 * 2 * 2 * (1 + 3 + 8) * 3)

    def test_seeds_over_torchs_whole_range(self):
        for seed in (-(2 ** 63), -1, 2 ** 32, 2 ** 63 - 1, 2 ** 64 - 1):
            experiment = create(self.client, 100, 3, seed=seed)
            remote = RemoteDistributedSampler(self.client, experiment, 2, verify=True)
            # epoch 0: torch itself overflows on seed + epoch past 2^64-1
            self.assertSameOrder(torch_order(100, 3, 2, 0, seed, True, False), list(remote),
                                 "seed=%d" % seed)

    def test_len_is_lazy_and_is_the_ranks_count(self):
        experiment = create(self.client, 7, 3, drop_last=True)
        before = len(self.fake.requests)
        sampler = RemoteDistributedSampler(self.client, experiment, 1)
        self.assertEqual(len(self.fake.requests), before, "constructing fetched something")
        self.assertEqual(2, len(sampler))
        self.assertEqual(2, len(list(sampler)))

    def test_data_loader_sees_torchs_batches(self):
        dataset = torch.arange(100) * 10
        experiment = create(self.client, 100, 3)
        remote = DataLoader(dataset, batch_size=8,
                            sampler=RemoteDistributedSampler(self.client, experiment, 1))
        local = DataLoader(dataset, batch_size=8,
                           sampler=DistributedSampler(dataset, num_replicas=3, rank=1, seed=17))
        for epoch in EPOCHS:
            remote.sampler.set_epoch(epoch)
            local.sampler.set_epoch(epoch)
            self.assertEqual(len(local), len(remote))
            for a, b in zip(local, remote):
                self.assertTrue(torch.equal(a, b), "epoch %d" % epoch)

    def test_resume_mid_epoch_yields_the_tail_then_whole_epochs(self):
        experiment = create(self.client, 1001, 3)
        full = RemoteDistributedSampler(self.client, experiment, 2)
        full.set_epoch(1)
        epoch1 = list(full)
        full.set_epoch(2)
        epoch2 = list(full)
        for verify in (False, True):
            with self.subTest(verify=verify):
                resumed = RemoteDistributedSampler(self.client, experiment, 2, start_index=123,
                                                   verify=verify)
                resumed.set_epoch(1)
                self.assertSameOrder(epoch1[123:], list(resumed), "resumed epoch 1")
                self.assertEqual(len(epoch1), len(resumed))
                resumed.set_epoch(2)
                self.assertSameOrder(epoch2, list(resumed), "epoch after the resumed one")
        past_end = RemoteDistributedSampler(self.client, experiment, 2, start_index=len(epoch1))
        past_end.set_epoch(1)
        self.assertEqual([], list(past_end))

    def test_resume_fetches_only_the_tail_without_verify(self):
        experiment = create(self.client, 100, 1)
        sampler = RemoteDistributedSampler(self.client, experiment, 0, start_index=90)
        self.assertEqual(10, len(list(sampler)))
        last = self.fake.requests[-1]
        self.assertEqual(["90"], last.query["offset"])

    def test_verify_raises_when_the_digest_differs(self):
        experiment = create(self.client, 100, 3)
        sampler = RemoteDistributedSampler(self.client, experiment, 0, verify=True)
        original = self.fake.index_response
        self.fake.index_response = lambda order, q, h: _tamper(original(order, q, h))
        try:
            with self.assertRaises(OrderMismatchError) as caught:
                list(sampler)
        finally:
            self.fake.index_response = original
        self.assertIn("rank 0", str(caught.exception))


def create_kind(client, sampler, seed=17):
    return client.create_experiment(
        name="kind/%s/%d" % (sampler, seed), framework="torch", frameworkVersion="1.13.1",
        torchVersion="1.13.1", globalSeed=seed, dataSeed=None, dataSeedPolicy="LINKED",
        sampler=sampler)["id"]


class RemoteSamplerTests(unittest.TestCase):
    """RemoteRecordSampler: any recorded kind, its epochs as that kind's loader counts them."""

    @classmethod
    def setUpClass(cls):
        cls.fake = FakeSeedbank().__enter__()
        cls.client = Client(cls.fake.url, retries=0)

    @classmethod
    def tearDownClass(cls):
        cls.fake.__exit__(None, None, None)

    def test_random_records_follow_torchs_generator_from_iter_to_iter(self):
        for settings in ({"numSamples": None, "replacement": False, "dataLoader": False},
                         {"numSamples": 150, "replacement": False, "dataLoader": False},
                         {"numSamples": 40, "replacement": True, "dataLoader": False},
                         {"numSamples": None, "replacement": False, "dataLoader": True}):
            sampler = dict({"kind": "random", "datasetSize": 61},
                           **{k: v for k, v in settings.items() if v is not None})
            experiment = create_kind(self.client, sampler)
            remote = RemoteRecordSampler(self.client, experiment, 0)
            for epoch in EPOCHS:
                with self.subTest(settings=settings, epoch=epoch):
                    # No set_epoch: like RandomSampler, each iter() is the next epoch.
                    expected = torch_random_order(61, epoch, 17, settings["numSamples"],
                                                  settings["replacement"],
                                                  settings["dataLoader"])
                    self.assertEqual(expected, list(remote))
            remote.set_epoch(1)
            self.assertEqual(torch_random_order(61, 1, 17, settings["numSamples"],
                                                settings["replacement"], settings["dataLoader"]),
                             list(remote), "set_epoch selects an epoch")

    def test_a_random_record_in_a_data_loader_is_torchs_shuffle(self):
        experiment = create_kind(self.client, {"kind": "random", "datasetSize": 50,
                                               "dataLoader": True})
        dataset = torch.arange(50) * 3
        remote = DataLoader(dataset, batch_size=7, sampler=RemoteRecordSampler(self.client,
                                                                         experiment, 0))
        local = DataLoader(dataset, batch_size=7, shuffle=True,
                           generator=torch.Generator().manual_seed(17))
        for epoch in EPOCHS:
            for a, b in zip(local, remote):
                self.assertTrue(torch.equal(a, b), "epoch %d" % epoch)

    def test_other_kinds_read_their_ranks_list_and_advance_each_iter(self):
        for sampler, rank in (({"kind": "accelerate", "datasetSize": 30, "numProcesses": 3,
                                "batchSize": 4}, 2),
                              ({"kind": "hf-datasets", "datasetSize": 30, "numShards": 3}, 1),
                              ({"kind": "streaming", "datasetSize": 30}, 0)):
            experiment = create_kind(self.client, sampler)
            remote = RemoteRecordSampler(self.client, experiment, rank, start_index=4)
            with self.subTest(kind=sampler["kind"]):
                self.assertEqual(sampler["kind"], remote.kind)
                first = list(remote)
                self.assertEqual(self.fake.order(self.fake.experiments[experiment], 0, rank)[4:],
                                 first, "resumed epoch 0")
                self.assertEqual(self.fake.order(self.fake.experiments[experiment], 1, rank),
                                 list(remote), "the next iter() is epoch 1, from 0")
                path = self.fake.requests[-1].path
                self.assertIn("/epochs/1/ranks/%d/indices" % rank, path)

    def test_a_distributed_record_repeats_its_epoch_until_set_epoch(self):
        experiment = create(self.client, 100, 3)
        remote = RemoteRecordSampler(self.client, experiment, 1)
        self.assertEqual("distributed", remote.kind)
        epoch0 = torch_order(100, 3, 1, 0, 17, True, False)
        self.assertEqual(epoch0, list(remote))
        self.assertEqual(epoch0, list(remote))
        remote.set_epoch(2)
        self.assertEqual(torch_order(100, 3, 1, 2, 17, True, False), list(remote))


def _tamper(response):
    status, headers, payload = response
    return status, dict(headers, **{"Seedbank-Order-Sha256": "0" * 64}), payload


if __name__ == "__main__":
    unittest.main()
