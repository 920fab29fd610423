"""Retries: connection errors and 503 are retried with backoff, 4xx never; one key per create."""

import json
import socket
import time
import unittest

from fakeserver import FakeSeedbank
from seedbank import Client, SeedbankError

BODY = dict(name="retry/a", framework="torch", frameworkVersion="1.13.1", torchVersion="1.13.1",
            globalSeed=3, dataSeedPolicy="LINKED", sampler={"datasetSize": 10, "worldSize": 2})


def recording(client):
    """Record each backoff the client asks for, and still sleep it (so it can be measured)."""
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        time.sleep(seconds)

    client._sleep = sleep
    return waits


def unused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RetryTests(unittest.TestCase):

    def setUp(self):
        self.fake = FakeSeedbank().__enter__()
        self.addCleanup(self.fake.__exit__, None, None, None)

    def test_nothing_listening_is_retried_with_exponential_backoff_then_raises(self):
        client = Client("http://127.0.0.1:%d" % unused_port(), retries=3, backoff=0.05)
        waits = recording(client)
        started = time.monotonic()
        with self.assertRaises(SeedbankError) as caught:
            client.get_experiment("x")
        elapsed = time.monotonic() - started
        self.assertEqual([0.05, 0.1, 0.2], waits)
        self.assertGreaterEqual(elapsed, 0.35)
        self.assertLess(elapsed, 5.0)
        error = caught.exception
        self.assertIsNone(error.status)
        self.assertEqual(4, error.attempts)
        self.assertIsInstance(error.__cause__, OSError)
        self.assertIn("4 attempts", str(error))

    def test_backoff_is_capped(self):
        client = Client("http://127.0.0.1:%d" % unused_port(), retries=3, backoff=0.05,
                        max_backoff=0.08)
        waits = recording(client)
        with self.assertRaises(SeedbankError):
            client.find_experiments()
        self.assertEqual([0.05, 0.08, 0.08], waits)

    def test_503_twice_then_success(self):
        self.fake.fail_next(503, times=2)
        client = Client(self.fake.url, retries=3, backoff=0.05)
        waits = recording(client)
        self.assertEqual([], client.find_experiments()["items"])
        self.assertEqual([0.05, 0.1], waits)
        self.assertEqual(3, len(self.fake.requests))

    def test_retry_after_is_honoured(self):
        self.fake.fail_next(503, headers={"Retry-After": "1"})
        client = Client(self.fake.url, retries=2, backoff=0.01)
        waits = recording(client)
        started = time.monotonic()
        client.find_experiments()
        self.assertEqual([1.0], waits)
        self.assertGreaterEqual(time.monotonic() - started, 1.0)

    def test_an_index_fetch_waits_out_a_busy_permutation_budget(self):
        # The service's 503 when a permutation fits its budget but no room came free in
        # time (issue 16, item 3): the fetch is retried after Retry-After, not raised.
        busy = json.dumps({"type": "https://seedbank.dev/problems/unavailable", "status": 503,
                           "title": "Temporarily unavailable",
                           "detail": "permutations being computed hold the rest of the "
                                     "budget; retry after 3 seconds"}).encode()
        self.fake.fail_next(503, times=2, headers={"Retry-After": "3",
                                                   "Content-Type": "application/problem+json"},
                            body=busy)
        client = Client(self.fake.url, retries=3, backoff=0.01)
        waits = recording(client)
        page = client.sampler_indices_with_meta(1001, 8, 7, epoch=1, seed=-5)
        self.assertEqual([3.0, 3.0], waits)
        self.assertEqual(126, len(page.indices))
        self.assertEqual(3, len(self.fake.requests))

    def test_503_until_retries_run_out(self):
        self.fake.fail_next(503, times=5)
        client = Client(self.fake.url, retries=2, backoff=0.01)
        recording(client)
        with self.assertRaises(SeedbankError) as caught:
            client.find_experiments()
        self.assertEqual(503, caught.exception.status)
        self.assertEqual(3, caught.exception.attempts)
        self.assertEqual(3, len(self.fake.requests))

    def test_a_400_problem_is_not_retried_and_carries_its_fields(self):
        client = Client(self.fake.url, retries=5, backoff=0.01)
        waits = recording(client)
        with self.assertRaises(SeedbankError) as caught:
            client.create_experiment(name="no-seed", framework="torch",
                                     sampler={"datasetSize": 1, "worldSize": 1})
        error = caught.exception
        self.assertEqual(1, len(self.fake.requests))
        self.assertEqual([], waits)
        self.assertEqual(400, error.status)
        self.assertEqual("https://seedbank.dev/problems/validation", error.type)
        self.assertEqual("Invalid request", error.title)
        self.assertEqual("1 field is invalid", error.detail)
        self.assertEqual([{"field": "globalSeed", "message": "must not be null"}], error.errors)
        self.assertEqual(400, error.problem["status"])
        self.assertIn("globalSeed: must not be null", str(error))

    def test_other_4xx_and_500_are_not_retried(self):
        for status in (404, 409, 422, 500):
            with self.subTest(status=status):
                self.fake.requests.clear()
                self.fake.fail_next(status, body=b"plain text")
                client = Client(self.fake.url, retries=3, backoff=0.01)
                with self.assertRaises(SeedbankError) as caught:
                    client.find_experiments()
                self.assertEqual(status, caught.exception.status)
                self.assertEqual("plain text", caught.exception.detail)
                self.assertEqual(1, len(self.fake.requests))

    def test_the_idempotency_key_is_reused_across_retries(self):
        self.fake.fail_next(503, times=2)
        client = Client(self.fake.url, retries=3, backoff=0.01)
        recording(client)
        client.create_experiment(**BODY)
        keys = [r.headers["Idempotency-Key"] for r in self.fake.requests]
        self.assertEqual(3, len(keys))
        self.assertEqual(1, len(set(keys)), keys)

    def test_a_lost_create_response_is_replayed_not_duplicated(self):
        self.fake.drop_after_handling(1)
        client = Client(self.fake.url, retries=2, backoff=0.01)
        waits = recording(client)
        created = client.create_experiment(**BODY)
        self.assertEqual(1, len(waits), "the dropped answer was retried")
        self.assertEqual(2, len(self.fake.requests))
        self.assertEqual(1, len(self.fake.experiments), "one record, not two")
        self.assertIn(created["id"], self.fake.experiments)

    def test_an_explicit_idempotency_key_is_sent(self):
        client = Client(self.fake.url, retries=0)
        client.create_experiment(idempotency_key="sweep-a-17", **BODY)
        self.assertEqual("sweep-a-17", self.fake.requests[-1].headers["Idempotency-Key"])


if __name__ == "__main__":
    unittest.main()
