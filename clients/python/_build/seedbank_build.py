"""A PEP 517 build backend for this pure-Python, standard-library-only package.

pip builds a package in an isolated environment and first installs the backend that
pyproject.toml names; with setuptools that needs an index (or the ``wheel`` package, or
``--no-build-isolation``), so ``pip install ./clients/python`` failed offline, on a PEP 668
system Python's venv, and without ``wheel``. This backend needs nothing but the standard
library (PEP 517 ``backend-path``), so the install works in any clean venv, offline too.
It builds a wheel (PEP 427, the ``py3-none-any`` tag) and an sdist of ``src/seedbank``.
"""

import base64
import hashlib
import io
import os
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "seedbank"


def _version():
    for line in (ROOT / "src" / NAME / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise RuntimeError("no __version__ in src/seedbank/__init__.py")


def _metadata():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\n"
            "Summary: Client for the seedbank service: recorded seeds and torch-exact "
            "DistributedSampler orders\nLicense: Apache-2.0\nRequires-Python: >=3.9\n"
            "Provides-Extra: numpy\nRequires-Dist: numpy; extra == \"numpy\"\n"
            "Provides-Extra: torch\nRequires-Dist: torch; extra == \"torch\"\n"
            "Description-Content-Type: text/markdown\n\n%s" % (NAME, _version(), readme))


def _dist_info():
    return "%s-%s.dist-info" % (NAME, _version())


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    target = Path(metadata_directory) / _dist_info()
    target.mkdir(parents=True, exist_ok=True)
    (target / "METADATA").write_text(_metadata(), encoding="utf-8")
    return _dist_info()


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    filename = "%s-%s-py3-none-any.whl" % (NAME, _version())
    files = {}
    for path in sorted((ROOT / "src" / NAME).rglob("*.py")):
        files[path.relative_to(ROOT / "src").as_posix()] = path.read_bytes()
    info = _dist_info()
    files[info + "/METADATA"] = _metadata().encode("utf-8")
    files[info + "/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: seedbank_build\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    record = []
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files.items():
            wheel.writestr(name, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append("%s,sha256=%s,%d" % (name, digest, len(data)))
        record.append(info + "/RECORD,,")
        wheel.writestr(info + "/RECORD", "\n".join(record) + "\n")
    return filename


def build_sdist(sdist_directory, config_settings=None):
    base = "%s-%s" % (NAME, _version())
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as sdist:
        for path in sorted(ROOT.rglob("*")):
            relative = path.relative_to(ROOT)
            if path.is_file() and not any(part in ("__pycache__", "build", "dist") for part in relative.parts):
                sdist.add(str(path), arcname="%s/%s" % (base, relative.as_posix()))
        pkg_info = _metadata().encode("utf-8")
        entry = tarfile.TarInfo("%s/PKG-INFO" % base)
        entry.size = len(pkg_info)
        sdist.addfile(entry, io.BytesIO(pkg_info))
    return filename
