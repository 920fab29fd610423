"""RemoteSampler's bookkeeping against an in-process stand-in for the client: the digest it
certifies, the counter its checkpoints carry, and continuing a segment from a checkpoint."""

import unittest

from reference import digest
from seedbank import OrderMismatchError, RemoteSampler
from seedbank.client import IndexPage


class StubClient:
    """Serves fixed orders per (segment, epoch, rank) and records certificates."""

    def __init__(self, orders, segments, sha256=None):
        self.orders = orders
        self._segments = segments
        self.sha256 = sha256
        self.posted = []

    def segments(self, experiment_id):
        return self._segments

    def segment_indices_with_meta(self, experiment_id, segment, epoch, rank, offset=0, limit=None):
        order = self.orders[(segment, epoch, rank)]
        end = len(order) if limit is None else offset + limit
        return IndexPage(order[offset:end], offset, len(order), self.sha256 or digest(order))

    def certify(self, experiment_id, epoch, rank, sha256, count, segment=None):
        self.posted.append((epoch, rank, segment, sha256, count))
        return {"match": True}


SEGMENTS = [{"segment": 0, "worldSize": 4, "startEpoch": 0, "startSample": 0},
            {"segment": 1, "worldSize": 3, "startEpoch": 2, "startSample": 48}]
ORDER = list(range(100, 120))


class RemoteSamplerTests(unittest.TestCase):

    def test_an_exhausted_epoch_posts_the_digest_of_what_was_yielded_once(self):
        client = StubClient({(1, 2, 0): ORDER}, SEGMENTS)
        sampler = RemoteSampler(client, "e", 0, segment=1, epoch=2)
        self.assertEqual(ORDER, list(sampler))
        self.assertEqual([(2, 0, 1, digest(ORDER), 20)], client.posted)
        sampler.finish_epoch()
        self.assertEqual(1, len(client.posted), "at most once per epoch")

    def test_an_epoch_cut_short_posts_nothing(self):
        client = StubClient({(1, 2, 0): ORDER}, SEGMENTS)
        sampler = RemoteSampler(client, "e", 0, segment=1, epoch=2)
        it = iter(sampler)
        [next(it) for _ in range(5)]
        sampler.finish_epoch()
        self.assertEqual([], client.posted)

    def test_a_loop_that_stops_on_its_count_certifies_at_the_epoch_end(self):
        client = StubClient({(1, 2, 0): ORDER}, SEGMENTS)
        sampler = RemoteSampler(client, "e", 0, segment=1, epoch=2)
        it = iter(sampler)
        [next(it) for _ in range(20)]
        sampler.finish_epoch()
        self.assertEqual([(2, 0, 1, digest(ORDER), 20)], client.posted)

    def test_the_checkpoint_counts_the_jobs_samples_from_the_segments_start(self):
        client = StubClient({(1, 2, 0): ORDER, (1, 3, 0): ORDER}, SEGMENTS)
        sampler = RemoteSampler(client, "e", 0, segment=1, epoch=2)
        it = iter(sampler)
        [next(it) for _ in range(7)]
        state = sampler.state_dict()
        self.assertEqual((2, 7, 48 + 7 * 3), (state["epoch"], state["position"], state["start_sample"]))
        self.assertEqual(48 + 4 * 3, sampler.state_dict(consumed=4)["start_sample"])
        sampler.set_epoch(3)
        it = iter(sampler)
        [next(it) for _ in range(2)]
        self.assertEqual(2 * 3, sampler.state_dict()["start_sample"], "later epochs start at 0")
        list(it)
        self.assertEqual((4, 0, 0), tuple(sampler.state_dict()[k] for k in ("epoch", "position", "start_sample")))

    def test_loading_a_checkpoint_of_the_same_segment_continues_it_and_certifies_the_whole_order(self):
        client = StubClient({(1, 2, 0): ORDER}, SEGMENTS)
        first = RemoteSampler(client, "e", 0, segment=1, epoch=2)
        it = iter(first)
        [next(it) for _ in range(7)]
        resumed = RemoteSampler(client, "e", 0, segment=1)
        resumed.load_state_dict(first.state_dict())
        self.assertEqual(13, len(resumed))
        self.assertEqual(ORDER[7:], list(resumed))
        self.assertEqual([(2, 0, 1, digest(ORDER), 20)], client.posted)

    def test_a_checkpoint_of_an_earlier_segment_only_sets_the_epoch(self):
        client = StubClient({(1, 2, 0): ORDER}, SEGMENTS)
        resumed = RemoteSampler(client, "e", 0, segment=1)
        resumed.load_state_dict({"segment": 0, "rank": 0, "epoch": 2, "position": 12, "start_sample": 48})
        self.assertEqual(ORDER, list(resumed))

    def test_an_order_that_does_not_hash_to_the_announced_digest_is_refused(self):
        client = StubClient({(0, 0, 1): ORDER}, SEGMENTS, sha256="0" * 64)
        with self.assertRaises(OrderMismatchError):
            list(RemoteSampler(client, "e", 1))
        self.assertEqual([], client.posted)


if __name__ == "__main__":
    unittest.main()
