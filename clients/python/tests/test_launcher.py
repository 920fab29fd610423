"""The example launcher end to end against the fake service (the real one: test_integration)."""

import os
import re
import subprocess
import sys
import unittest
from pathlib import Path
from unittest import mock

import fakeserver
from fakeserver import FakeSeedbank

PROJECT = Path(__file__).resolve().parents[1]


def launch(url, *extra):
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "src"))
    env.pop("SEEDBANK_TOKEN", None)
    return subprocess.run([sys.executable, str(PROJECT / "examples" / "launcher.py"), "--url", url,
                           *extra], capture_output=True, text=True, env=env, timeout=300)


class LauncherTests(unittest.TestCase):

    def setUp(self):
        self.fake = FakeSeedbank().__enter__()
        self.addCleanup(self.fake.__exit__, None, None, None)

    def test_two_ranks_with_ddp_verify_and_resume(self):
        run = launch(self.fake.url)
        self.assertEqual(0, run.returncode, run.stdout + run.stderr)
        self.assertIn("OK: 2 ranks, 2 epochs", run.stdout)
        verified = re.findall(r"rank \d: epoch \d: 32 indices, sha256 [0-9a-f]+\.\.\., "
                              r"verify match=True", run.stdout)
        self.assertEqual(4, len(verified), run.stdout)
        self.assertEqual(2, run.stdout.count("tail of the original=True"), run.stdout)

    def test_three_plain_processes(self):
        run = launch(self.fake.url, "--world-size", "3", "--no-distributed", "--resume-epoch",
                     "0", "--resume-batch", "2")
        self.assertEqual(0, run.returncode, run.stdout + run.stderr)
        self.assertIn("(no DDP)", run.stdout)
        self.assertEqual(6, run.stdout.count("tail of the original=True"), run.stdout)

    def test_a_mismatch_exits_non_zero(self):
        def refuse(order, body):
            return dict(fakeserver.digest_verify(order, body), match=False)

        with mock.patch.object(fakeserver, "verify", refuse):
            run = launch(self.fake.url, "--no-distributed")
        self.assertEqual(1, run.returncode, run.stdout + run.stderr)
        self.assertIn("MISMATCH", run.stdout)
        self.assertIn("FAILED: mismatches on ranks [0, 1]", run.stdout)


if __name__ == "__main__":
    unittest.main()
