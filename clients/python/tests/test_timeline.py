"""Kill-and-resume jobs on the run timeline, against the real service, run by the reference
venv's real torch (gloo), accelerate and Lightning on CPU processes.

Needs SEEDBANK_URL (with SEEDBANK_TOKEN) and SEEDBANK_REFERENCE_PYTHON (the venv's python,
``.ci/python-venv`` prints it). Without them these tests skip, except under CI=true, where
they fail: CI must never pass without having run the jobs.
"""

import os
import socket
import subprocess
import tempfile
import unittest
import uuid
from collections import Counter
from pathlib import Path

from seedbank import Client

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
URL = os.environ.get("SEEDBANK_URL")
TOKEN = os.environ.get("SEEDBANK_TOKEN")
REFERENCE = os.environ.get("SEEDBANK_REFERENCE_PYTHON")
KILLED = 3
JOB_TIMEOUT = 600


def setUpModule():
    missing = [name for name, value in (("SEEDBANK_URL", URL),
                                        ("SEEDBANK_REFERENCE_PYTHON", REFERENCE)) if not value]
    if REFERENCE and not os.access(REFERENCE, os.X_OK):
        missing.append("an executable SEEDBANK_REFERENCE_PYTHON (%s)" % REFERENCE)
    if not missing:
        return
    message = "%s not set: the timeline jobs need the service and the reference venv" % (
        " and ".join(missing))
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError("CI=true but " + message)
    raise unittest.SkipTest(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TimelineJobTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = Client(URL, TOKEN, retries=3, backoff=0.5)

    def setUp(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="seedbank-timeline-"))
        self.name = "pyclient-timeline/%s" % uuid.uuid4().hex[:12]

    def job(self, framework, processes, *args, expect=0):
        env = dict(os.environ, PYTHONPATH=str(SRC), SEEDBANK_URL=URL, OMP_NUM_THREADS="1")
        if TOKEN:
            env["SEEDBANK_TOKEN"] = TOKEN
        script = [str(HERE / "timeline_job.py"), framework, str(self.workdir), "--name", self.name]
        if framework == "lightning":
            command = [REFERENCE] + script + ["--devices", str(processes)]
            env.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(free_port()))
        else:
            command = [REFERENCE, "-m", "torch.distributed.run", "--nnodes=1",
                       "--nproc_per_node=%d" % processes, "--master_addr=127.0.0.1",
                       "--master_port=%d" % free_port()] + script
        done = subprocess.run(command + list(args), env=env, cwd=str(self.workdir),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=JOB_TIMEOUT)
        log = done.stdout.decode("utf-8", "replace")
        if expect == 0:
            self.assertEqual(0, done.returncode, "%s job failed:\n%s" % (framework, log[-4000:]))
        else:
            self.assertNotEqual(0, done.returncode, "the job was to die:\n%s" % log[-4000:])
        return log

    def seen(self):
        """How often the jobs really trained on each index, from their own records."""
        counts = Counter()
        for path in self.workdir.glob("seen-*.txt"):
            for line in path.read_text().split("\n"):
                counts.update(int(i) for i in line.split())
        return counts

    def experiment(self):
        return self.client.find_experiments(name=self.name, size=1)["items"][0]["id"]

    def kill_and_resume(self, framework, resumed_on, resume):
        self.job(framework, 2, "--kill-after", "3" if resume == "exact" else "1", expect=KILLED)
        self.job(framework, resumed_on, "--label", "second", "--resume", resume)
        eid = self.experiment()
        segments = self.client.segments(eid)
        self.assertEqual([2, resumed_on], [s["worldSize"] for s in segments])
        self.assertEqual(resume, segments[1]["resume"])
        return eid, segments[1]

    def assertCoverageIsWhatTheJobsRead(self, eid):
        seen = self.seen()
        coverage = self.client.coverage(eid, 0)
        never = [i for i in range(64) if seen[i] == 0]
        repeated = [i for i in range(64) if seen[i] > 1]
        self.assertEqual(never, self.client.coverage(eid, 0, list="never"))
        self.assertEqual(repeated, self.client.coverage(eid, 0, list="repeated"))
        self.assertEqual(len(never), coverage["neverSeen"])
        self.assertEqual(sum(1 for i in range(64) if seen[i] == 1), coverage["seenOnce"])
        self.assertEqual(max(seen.values()), coverage["maxSeen"])
        return coverage

    def assertCertifiedAndMatched(self, eid, segment, ranks):
        report = self.client.certificates(eid)
        ours = [c for c in report["certificates"] if c["segment"] == segment and c["epoch"] == 0]
        self.assertEqual(sorted(range(ranks)), sorted(c["rank"] for c in ours))
        self.assertTrue(all(c["match"] for c in ours), ours)
        epoch0 = report["epochs"][0]
        self.assertEqual((ranks, ranks, 0, 0), (epoch0["certified"], epoch0["matched"],
                                                epoch0["mismatched"], epoch0["missing"]))

    def assertEverySampleOnce(self, framework):
        eid, segment = self.kill_and_resume(framework, 1, "exact")
        self.assertEqual(3 * 4 * 2, segment["startSample"], "3 steps of 4 samples on 2 ranks")
        coverage = self.assertCoverageIsWhatTheJobsRead(eid)
        self.assertEqual({i: 1 for i in range(64)}, dict(self.seen()))
        self.assertEqual((0, 64, 0), (coverage["neverSeen"], coverage["seenOnce"],
                                      coverage["seenMoreThanOnce"]))
        self.assertCertifiedAndMatched(eid, 1, 1)

    def test_torch_distributed_exact_resume_on_one_process_reads_every_sample_once(self):
        self.assertEverySampleOnce("torch")

    def assertTorchRuleCountsTheRepeats(self, framework):
        # Killed after 1 step (8 samples); 3 ranks skip floor(8 / 3) = 2 of their own
        # lists, so stream positions 6 and 7 are read twice, and 64 samples on 3 ranks
        # pad 2 more.
        eid, segment = self.kill_and_resume(framework, 3, "torch")
        self.assertEqual(8, segment["startSample"])
        coverage = self.assertCoverageIsWhatTheJobsRead(eid)
        self.assertEqual(4, coverage["seenMoreThanOnce"])
        self.assertEqual(2, coverage["paddingRepeats"])
        self.assertEqual(0, coverage["neverSeen"])
        self.assertCertifiedAndMatched(eid, 1, 3)

    def test_torch_distributed_torch_resume_on_three_processes_counts_the_repeats(self):
        self.assertTorchRuleCountsTheRepeats("torch")

    def test_accelerate_torch_resume_on_three_processes_counts_the_repeats(self):
        self.assertTorchRuleCountsTheRepeats("accelerate")

    def test_lightning_torch_resume_on_three_processes_counts_the_repeats(self):
        self.assertTorchRuleCountsTheRepeats("lightning")

    def test_accelerate_exact_resume_on_one_process_reads_every_sample_once(self):
        self.assertEverySampleOnce("accelerate")

    def test_lightning_exact_resume_on_one_process_reads_every_sample_once(self):
        self.assertEverySampleOnce("lightning")


class TimelineCallTests(unittest.TestCase):
    """The client's other timeline calls against the service, no job needed."""

    @classmethod
    def setUpClass(cls):
        cls.client = Client(URL, TOKEN, retries=3, backoff=0.5)

    def test_steps_audits_and_the_lint(self):
        eid = self.client.create_experiment(
            name="pyclient-timeline/%s" % uuid.uuid4().hex[:12], framework="torch",
            frameworkVersion="2.5.1", torchVersion="2.5.1", globalSeed=3, dataSeedPolicy="LINKED",
            sampler={"datasetSize": 40, "worldSize": 2})["id"]
        self.client.add_segment(eid, 1, 0, 8, "exact", batch_size=4)
        first = self.client.segment_indices_with_meta(eid, 0, 0, 1)
        step = self.client.step_samples(eid, 0, 0, batch_size=4)
        self.assertEqual(first.indices[:4], step["ranks"][1]["indices"])
        resumed = self.client.segment_indices_with_meta(eid, 1, 0, 0).indices
        self.assertEqual(resumed[:4],
                         self.client.step_samples(eid, 0, 1, batch_size=4)["ranks"][0]["indices"],
                         "segment 0 read 4 per rank: step 1 is the resumed segment's first")
        audit = self.client.resume_audit(eid, 0, 8, 1, 0, resumed[:5])
        self.assertEqual("ok", audit["verdict"])
        wrong = self.client.segment_indices_with_meta(eid, 1, 1, 0).indices
        self.assertEqual("wrong-epoch", self.client.resume_audit(eid, 0, 8, 1, 0, wrong[8:13])["verdict"])
        lint = self.client.lint_distributed(40, 2, [1, 2], torch_version="2.5.1")
        self.assertFalse(lint["disjoint"])
        self.assertTrue(self.client.lint_distributed(40, 2, [7, 7])["disjoint"])


if __name__ == "__main__":
    unittest.main()
