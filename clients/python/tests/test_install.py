"""The package installs offline with plain pip in a clean venv, and imports without torch or NumPy."""

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# Without torch and NumPy: a meta-path finder that refuses them, then the client works.
WITHOUT_TORCH = textwrap.dedent("""
    import sys
    class Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("torch", "numpy"):
                raise ImportError("refused: " + name)
    sys.meta_path.insert(0, Refuse())
    import seedbank
    from seedbank import Client, RemoteDistributedSampler, order_digest
    assert RemoteDistributedSampler.__mro__[1] is object, RemoteDistributedSampler.__mro__
    assert order_digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    sampler = RemoteDistributedSampler(Client("http://127.0.0.1:9"), "x", 0)
    assert "torch" not in sys.modules and "numpy" not in sys.modules
    print(seedbank.__version__, seedbank.__file__)
""")


def run(*args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s\n%s" % (" ".join(map(str, args)),
                                                           result.returncode, result.stdout,
                                                           result.stderr))
    return result.stdout


class InstallTests(unittest.TestCase):

    def test_the_readme_install_sequence_works_in_a_clean_offline_venv(self):
        """Issue 16.9: README's `python3 -m venv .venv` then `.venv/bin/pip install
        ./clients/python`, as written: no --no-build-isolation, no system site packages
        (so no setuptools or wheel), and no index (PIP_NO_INDEX), since the build backend
        is in-tree and needs only the standard library."""
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            source = tmp / "clients" / "python"  # pip may build in the tree: keep the checkout clean
            shutil.copytree(PROJECT, source, ignore=shutil.ignore_patterns(
                "build", "dist", "*.egg-info", "__pycache__", "tests", "examples"))
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            env.pop("PYTHONPATH", None)
            run(sys.executable, "-m", "venv", ".venv", cwd=str(tmp), env=env)
            run(".venv/bin/pip", "install", "./clients/python", cwd=str(tmp), env=env)
            out = run(".venv/bin/python", "-c", WITHOUT_TORCH, cwd=str(tmp), env=env)
            version, location = out.split()
            self.assertEqual("0.1.0", version)
            self.assertTrue(location.startswith(str(tmp / ".venv")), location)
            listed = run(".venv/bin/pip", "show", "-f", "seedbank", cwd=str(tmp), env=env)
            self.assertIn("seedbank/client.py", listed)

    def test_imports_and_works_without_torch_or_numpy(self):
        env = dict(os.environ, PYTHONPATH=str(PROJECT / "src"))
        out = run(sys.executable, "-c", WITHOUT_TORCH, env=env)
        self.assertTrue(out.startswith("0.1.0 "), out)


if __name__ == "__main__":
    unittest.main()
