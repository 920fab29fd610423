"""HTTP client for the seedbank service (API.md), standard library only."""

import email.utils
import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.client import HTTPException

from .digest import unpack_indices
from .errors import SeedbankError

__all__ = ["Client", "IndexPage"]

_API_PREFIX = "/api/v1"
_USER_AGENT = "seedbank-python/0.1.0"
_RETRY_STATUSES = frozenset({503})


class IndexPage:
    """One page of a rank's index order, with the headers that describe the whole list.

    ``indices`` is a list of ints (or a NumPy array when asked for); ``sha256`` is the
    ``Seedbank-Order-Sha256`` header (digest of the rank's whole list for the epoch,
    whatever the page) and ``total`` the ``Seedbank-Total-Count`` header.
    """

    __slots__ = ("indices", "offset", "total", "sha256")

    def __init__(self, indices, offset, total, sha256):
        self.indices = indices
        self.offset = offset
        self.total = total
        self.sha256 = sha256

    def __len__(self):
        return len(self.indices)

    def __iter__(self):
        return iter(self.indices)

    def __getitem__(self, item):
        return self.indices[item]

    def __repr__(self):
        return "IndexPage(offset=%d, count=%d, total=%s, sha256=%s)" % (
            self.offset, len(self.indices), self.total, self.sha256)


class _Response:
    __slots__ = ("status", "headers", "body")

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _retry_after(value):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _bool(value):
    return "true" if value else "false"


class Client:
    """A seedbank client.

    ``base_url`` is the service root (``http://host:8080``; a trailing ``/api/v1`` is
    accepted too) and defaults to ``$SEEDBANK_URL``; ``token`` defaults to
    ``$SEEDBANK_TOKEN`` and is sent as ``Authorization: Bearer <token>``.

    Connection errors (refused, reset, timed out) and ``503`` are retried up to
    ``retries`` times, waiting ``backoff * 2**n`` seconds before retry ``n`` (0-based),
    or what ``Retry-After`` says, capped at ``max_backoff``. A 4xx is never retried.
    Every failure raises :class:`SeedbankError`.
    """

    def __init__(self, base_url=None, token=None, timeout=30.0, retries=4, backoff=0.5,
                 max_backoff=30.0):
        base_url = base_url or os.environ.get("SEEDBANK_URL")
        if not base_url:
            raise ValueError("no base_url given and SEEDBANK_URL is not set")
        base = base_url.rstrip("/")
        if not base.endswith(_API_PREFIX):
            base += _API_PREFIX
        self.base_url = base
        self.token = token if token is not None else os.environ.get("SEEDBANK_TOKEN") or None
        self.timeout = timeout
        self.retries = int(retries)
        self.backoff = float(backoff)
        self.max_backoff = float(max_backoff)
        self._sleep = time.sleep

    def __repr__(self):
        return "Client(%r)" % self.base_url

    # Experiments

    def create_experiment(self, body=None, idempotency_key=None, **fields):
        """Create an experiment; fields as in API.md (snake_case names are accepted too).

        One ``Idempotency-Key`` (a fresh uuid4 unless given) is sent with every retry of
        this call, so a create whose response was lost is replayed, never duplicated.
        """
        record = dict(body or {})
        for name, value in fields.items():
            if name == "sampler" and isinstance(value, dict):
                value = {_camel(k): v for k, v in value.items()}
            record[_camel(name)] = value
        key = idempotency_key or str(uuid.uuid4())
        return self._call("POST", "/experiments", body=record,
                          headers={"Idempotency-Key": key}).json()

    def get_experiment(self, experiment_id):
        return self._call("GET", "/experiments/%s" % _seg(experiment_id)).json()

    def find_experiments(self, name=None, framework=None, tags=None, status=None, page=0,
                         size=20, **params):
        """Search, newest first. ``tags`` is a dict, sent as repeated ``tag=k:v``; other
        keyword arguments (``namePrefix``, ``createdAfter``...) pass through."""
        query = [("name", name), ("framework", framework), ("status", status),
                 ("page", page), ("size", size)]
        query += [("tag", "%s:%s" % (k, v)) for k, v in (tags or {}).items()]
        query += sorted(params.items())
        return self._call("GET", "/experiments", query=query).json()

    # Index orders

    def indices(self, experiment_id, epoch, rank, offset=0, limit=None, as_numpy=False):
        """The rank's index order for an epoch (a list, or a NumPy array if asked)."""
        return self.indices_with_meta(experiment_id, epoch, rank, offset, limit, as_numpy).indices

    def indices_with_meta(self, experiment_id, epoch, rank, offset=0, limit=None,
                          as_numpy=False):
        """As :meth:`indices`, as an :class:`IndexPage` carrying the order's digest and total."""
        path = "/experiments/%s/epochs/%d/ranks/%d/indices" % (_seg(experiment_id), epoch, rank)
        return self._index_page(path, [("offset", offset), ("limit", limit)], offset, as_numpy)

    def sampler_indices(self, dataset_size, world_size, rank, epoch=0, seed=0, shuffle=True,
                        drop_last=False, torch_version=None, offset=0, limit=None,
                        as_numpy=False):
        """The stateless endpoint: what ``DistributedSampler`` yields for these arguments."""
        return self.sampler_indices_with_meta(dataset_size, world_size, rank, epoch, seed,
                                              shuffle, drop_last, torch_version, offset, limit,
                                              as_numpy).indices

    def sampler_indices_with_meta(self, dataset_size, world_size, rank, epoch=0, seed=0,
                                  shuffle=True, drop_last=False, torch_version=None, offset=0,
                                  limit=None, as_numpy=False):
        query = [("datasetSize", dataset_size), ("worldSize", world_size), ("rank", rank),
                 ("epoch", epoch), ("seed", seed), ("shuffle", _bool(shuffle)),
                 ("dropLast", _bool(drop_last)), ("torchVersion", torch_version),
                 ("offset", offset), ("limit", limit)]
        return self._index_page("/samplers/distributed/indices", query, offset, as_numpy)

    def verify(self, experiment_id, epoch, rank, indices=None, sha256=None, count=None,
               offset=0):
        """Ask the service whether a run saw the right order: either the ``indices`` from
        ``offset`` on, or the ``sha256`` (and ``count``) of the whole list."""
        if indices is not None:
            if hasattr(indices, "tolist"):
                indices = indices.tolist()
            body = {"offset": offset, "indices": [int(i) for i in indices]}
        elif sha256 is not None:
            body = {"sha256": sha256}
            if count is not None:
                body["count"] = count
        else:
            raise ValueError("verify needs indices or sha256")
        path = "/experiments/%s/epochs/%d/ranks/%d/verify" % (_seg(experiment_id), epoch, rank)
        return self._call("POST", path, body=body).json()

    # Run timeline

    def segments(self, experiment_id):
        """The run's history: segment 0 (the record), then every restart, as dicts."""
        return self._call("GET", "/experiments/%s/segments" % _seg(experiment_id)).json()["segments"]

    def add_segment(self, experiment_id, world_size, start_epoch, start_sample, resume="exact",
                    batch_size=None, gradient_accumulation=None):
        """Record a restart at stream position ``start_sample`` of ``start_epoch`` on
        ``world_size`` ranks; ``resume`` is ``"exact"`` or ``"torch"``. Returns the segment."""
        body = {"worldSize": world_size, "startEpoch": start_epoch, "startSample": start_sample,
                "resume": resume}
        if batch_size is not None:
            body["batchSize"] = batch_size
        if gradient_accumulation is not None:
            body["gradientAccumulation"] = gradient_accumulation
        return self._call("POST", "/experiments/%s/segments" % _seg(experiment_id), body=body).json()

    def segment_indices_with_meta(self, experiment_id, segment, epoch, rank, offset=0, limit=None,
                                  as_numpy=False):
        """What rank ``rank`` of segment ``segment`` reads in ``epoch``, as an :class:`IndexPage`."""
        path = "/experiments/%s/segments/%d/epochs/%d/ranks/%d/indices" % (
            _seg(experiment_id), segment, epoch, rank)
        return self._index_page(path, [("offset", offset), ("limit", limit)], offset, as_numpy)

    def coverage(self, experiment_id, epoch, list=None, as_numpy=False):
        """The epoch's coverage totals, or with ``list="never"`` / ``"repeated"`` those indices."""
        path = "/experiments/%s/epochs/%d/coverage" % (_seg(experiment_id), epoch)
        if list is None:
            return self._call("GET", path).json()
        return self._index_page(path, [("list", list)], 0, as_numpy).indices

    def step_samples(self, experiment_id, epoch, step, batch_size=None, gradient_accumulation=None):
        """The indices each rank used in optimizer step ``step`` of ``epoch``."""
        path = "/experiments/%s/epochs/%d/steps/%d/samples" % (_seg(experiment_id), epoch, step)
        query = [("batchSize", batch_size), ("gradientAccumulation", gradient_accumulation)]
        return self._call("GET", path, query=query).json()

    def certify(self, experiment_id, epoch, rank, sha256, count, segment=None):
        """Post a rank's digest of what it read in ``epoch``; returns the verdict."""
        body = {"sha256": sha256, "count": count}
        if segment is not None:
            body["segment"] = segment
        path = "/experiments/%s/epochs/%d/ranks/%d/certificates" % (_seg(experiment_id), epoch, rank)
        return self._call("POST", path, body=body).json()

    def certificates(self, experiment_id):
        """Every stored certificate with its verdict, and the per-epoch totals."""
        return self._call("GET", "/experiments/%s/certificates" % _seg(experiment_id)).json()

    def resume_audit(self, experiment_id, epoch, start_sample, world_size, rank, observed):
        """Where the first indices a resumed rank read belong."""
        body = {"epoch": epoch, "startSample": start_sample, "worldSize": world_size, "rank": rank,
                "observed": [int(i) for i in observed]}
        return self._call("POST", "/experiments/%s/resume-audit" % _seg(experiment_id),
                          body=body).json()

    def lint_distributed(self, dataset_size, world_size, seeds, epoch=0, shuffle=True,
                         drop_last=False, torch_version=None):
        """How much differently seeded ranks' DistributedSamplers overlap."""
        body = {"datasetSize": dataset_size, "worldSize": world_size, "epoch": epoch,
                "shuffle": shuffle, "dropLast": drop_last, "seeds": [int(s) for s in seeds]}
        if torch_version is not None:
            body["torchVersion"] = torch_version
        return self._call("POST", "/lint/distributed", body=body).json()

    # Seeds

    def manifest(self, experiment_id, rank=None):
        """Every rank's seeds, or one rank's when ``rank`` is given."""
        if rank is None:
            path = "/experiments/%s/manifest" % _seg(experiment_id)
        else:
            path = "/experiments/%s/ranks/%d/manifest" % (_seg(experiment_id), rank)
        return self._call("GET", path).json()

    def manifest_env(self, experiment_id, rank):
        """One rank's ``SEEDBANK_*`` variables (the ``text/plain`` manifest) as a dict."""
        path = "/experiments/%s/ranks/%d/manifest" % (_seg(experiment_id), rank)
        text = self._call("GET", path, accept="text/plain").body.decode("utf-8")
        env = {}
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
        return env

    def workers(self, experiment_id, rank, epoch, num_workers, persistent_workers=False):
        """DataLoader worker seeds for one rank and epoch."""
        path = "/experiments/%s/ranks/%d/epochs/%d/workers" % (_seg(experiment_id), rank, epoch)
        query = [("numWorkers", num_workers), ("persistentWorkers", _bool(persistent_workers))]
        return self._call("GET", path, query=query).json()

    # Transport

    def _index_page(self, path, query, offset, as_numpy):
        response = self._call("GET", path, query=query, accept="application/octet-stream")
        if as_numpy:
            import numpy  # asked for explicitly: let ImportError say what is missing

            indices = numpy.frombuffer(response.body, dtype="<i8").astype(numpy.int64)
        else:
            indices = unpack_indices(response.body)
        total = response.headers.get("Seedbank-Total-Count")
        return IndexPage(indices, offset, int(total) if total is not None else None,
                         response.headers.get("Seedbank-Order-Sha256"))

    def _call(self, method, path, query=None, body=None, headers=None,
              accept="application/json"):
        url = self.base_url + path
        if query:
            pairs = [(k, v) for k, v in query if v is not None]
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        data = None
        all_headers = {"Accept": accept, "User-Agent": _USER_AGENT}
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            all_headers["Content-Type"] = "application/json"
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        all_headers.update(headers or {})

        attempt = 0
        while True:
            attempt += 1
            request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
            wait = None
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as raw:
                    return _Response(raw.status, raw.headers, raw.read())
            except urllib.error.HTTPError as e:
                payload = e.read()
                if e.code not in _RETRY_STATUSES or attempt > self.retries:
                    raise _problem(e.code, e.headers, payload, method, url, attempt) from None
                wait = _retry_after(e.headers.get("Retry-After"))
            except (urllib.error.URLError, HTTPException, OSError) as e:
                if attempt > self.retries:
                    reason = getattr(e, "reason", e)
                    raise SeedbankError(title="connection failed", detail=str(reason),
                                        method=method, url=url, attempts=attempt) from e
            if wait is None:
                wait = self.backoff * (2 ** (attempt - 1))
            self._sleep(min(wait, self.max_backoff))


def _seg(value):
    return urllib.parse.quote(str(value), safe="")


def _problem(status, headers, payload, method, url, attempts):
    problem = {}
    try:
        parsed = json.loads(payload.decode("utf-8")) if payload else {}
        if isinstance(parsed, dict):
            problem = parsed
    except (UnicodeDecodeError, ValueError):
        pass
    detail = problem.get("detail")
    if not problem and payload:
        detail = payload[:500].decode("utf-8", "replace")
    # "error" is Spring's default error body, for routes that answer before RFC 9457 does.
    title = problem.get("title") or problem.get("error")
    return SeedbankError(status=status, type=problem.get("type"), title=title,
                         detail=detail, errors=problem.get("errors"), problem=problem,
                         method=method, url=url, attempts=attempts)
