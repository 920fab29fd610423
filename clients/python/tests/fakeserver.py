"""A small in-process seedbank for the unit tests: just enough of API.md, orders by real torch.

It records every request (method, path, query, headers, body) and can be told to answer
the next requests with canned failures (``fail_next``) or to drop the connection after
handling a request (``drop_after_handling``), to exercise the client's retries.
"""

import json
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from reference import digest, torch_order, torch_random_order

PREFIX = "/api/v1"


class Recorded:
    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body


class FakeSeedbank:
    def __init__(self):
        self.experiments = {}
        self.idempotency = {}
        self.requests = []
        self.failures = []
        self.drops = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, status, times=1, headers=None, body=None):
        """Answer the next ``times`` requests with ``status`` before handling any."""
        with self.lock:
            self.failures.extend([(status, dict(headers or {}), body)] * times)

    def drop_after_handling(self, times=1):
        """Handle the next ``times`` requests, then close the socket without answering."""
        with self.lock:
            self.drops += times

    # Routes

    def route(self, method, parts, query, headers, body):
        if parts == ["experiments"] and method == "POST":
            return self.create(headers, body)
        if parts == ["experiments"] and method == "GET":
            return self.search(query)
        if parts == ["samplers", "distributed", "indices"]:
            q = lambda k, d=None: query.get(k, [d])[0]
            order = torch_order(int(q("datasetSize")), int(q("worldSize")), int(q("rank")),
                                int(q("epoch", 0)), int(q("seed", 0)),
                                q("shuffle", "true") == "true", q("dropLast", "false") == "true")
            return self.index_response(order, query, headers)
        if len(parts) < 2 or parts[0] != "experiments" or parts[1] not in self.experiments:
            return problem(404, "not-found", "Not Found", "no such experiment")
        e = self.experiments[parts[1]]
        rest = parts[2:]
        if not rest and method == "GET":
            return 200, {}, e
        if len(rest) == 5 and rest[0] == "epochs" and rest[2] == "ranks":
            epoch, rank = int(rest[1]), int(rest[3])
            order = self.order(e, epoch, rank)
            if rest[4] == "indices":
                return self.index_response(order, query, headers)
            if rest[4] == "verify" and method == "POST":
                return 200, {}, verify(order, body)
        if rest == ["manifest"]:
            return 200, {}, {"experimentId": e["id"], "ranks": [
                self.rank_seeds(e, r) for r in range(e["sampler"].get("worldSize", 1))]}
        if len(rest) == 3 and rest[0] == "ranks" and rest[2] == "manifest":
            seeds = self.rank_seeds(e, int(rest[1]))
            if "text/plain" in headers.get("Accept", ""):
                text = "".join("%s=%s\n" % kv for kv in seeds["env"].items())
                return 200, {"Content-Type": "text/plain"}, text.encode()
            return 200, {}, seeds
        if len(rest) == 5 and rest[0] == "ranks" and rest[2] == "epochs" and rest[4] == "workers":
            return 200, {}, {"query": {k: v[0] for k, v in query.items()}}
        return problem(404, "not-found", "Not Found", "no route")

    def create(self, headers, body):
        errors = [{"field": f, "message": "must not be null"}
                  for f in ("name", "framework", "globalSeed", "sampler") if body.get(f) is None]
        if errors:
            return problem(400, "validation", "Invalid request", "1 field is invalid", errors)
        key = headers.get("Idempotency-Key")
        with self.lock:
            if key and key in self.idempotency:
                return 201, {"Idempotent-Replayed": "true"}, self.idempotency[key]
            record = dict(body, id=str(uuid.uuid4()), status="ACTIVE", version=0)
            kind = record["sampler"].get("kind", "distributed")
            defaults = {"shuffle": True, "dropLast": False} if kind == "distributed" else {}
            sampler = dict(defaults, kind=kind, **{k: v for k, v in record["sampler"].items()
                                                   if k != "kind"})
            record["sampler"] = sampler
            record["effectiveDataSeed"] = (body["dataSeed"] if body.get("dataSeed") is not None
                                           else body["globalSeed"])
            self.experiments[record["id"]] = record
            if key:
                self.idempotency[key] = record
        return 201, {"Location": PREFIX + "/experiments/" + record["id"]}, record

    def search(self, query):
        items = list(self.experiments.values())
        for tag in query.get("tag", []):
            k, _, v = tag.partition(":")
            items = [e for e in items if (e.get("tags") or {}).get(k) == v]
        if "name" in query:
            items = [e for e in items if e["name"] == query["name"][0]]
        return 200, {}, {"items": items, "page": int(query.get("page", ["0"])[0]),
                         "size": int(query.get("size", ["20"])[0]), "totalElements": len(items)}

    def order(self, e, epoch, rank):
        s = e["sampler"]
        if s["kind"] == "random":
            return torch_random_order(s["datasetSize"], epoch, e["effectiveDataSeed"],
                                      s.get("numSamples"), s.get("replacement", False),
                                      s.get("dataLoader", False))
        if s["kind"] != "distributed":
            # No library for these kinds here: a stand-in order that depends on the rank
            # and the epoch, enough to check which list a client asks for.
            ranks = s.get("numProcesses") or s.get("numShards") or 1
            return [rank * 1000 + epoch * 100 + i for i in range(s["datasetSize"] // ranks)]
        return torch_order(s["datasetSize"], s["worldSize"], rank, epoch, e["effectiveDataSeed"],
                           s["shuffle"], s["dropLast"])

    def rank_seeds(self, e, rank):
        seed = e["globalSeed"]
        return {"rank": rank, "processSeed": seed, "samplerSeed": e["effectiveDataSeed"],
                "loaderSeed": seed, "env": {"SEEDBANK_EXPERIMENT_ID": e["id"],
                                            "SEEDBANK_GLOBAL_SEED": str(seed),
                                            "SEEDBANK_LOADER_SEED": str(seed),
                                            "SEEDBANK_RANK": str(rank)}}

    def index_response(self, order, query, headers):
        offset = int(query.get("offset", ["0"])[0])
        limit = query.get("limit", [None])[0]
        page = order[offset:] if limit is None else order[offset:offset + int(limit)]
        meta = {"Seedbank-Order-Sha256": digest(order), "Seedbank-Total-Count": str(len(order))}
        if headers.get("Accept") == "application/octet-stream":
            data = b"".join(int(i).to_bytes(8, "little", signed=True) for i in page)
            return 200, dict(meta, **{"Content-Type": "application/octet-stream"}), data
        return 200, meta, {"indices": page, "offset": offset, "count": len(page),
                           "total": len(order), "sha256": digest(order)}


def verify(order, body):
    return digest_verify(order, body)


def digest_verify(order, body):
    answer = {"expectedSha256": digest(order), "expectedCount": len(order), "firstMismatch": None}
    if "indices" in body:
        offset = body.get("offset", 0)
        expected = order[offset:]
        got = body["indices"]
        for i in range(max(len(expected), len(got))):
            e = expected[i] if i < len(expected) else None
            a = got[i] if i < len(got) else None
            if e != a:
                answer["firstMismatch"] = {"position": offset + i, "expected": e, "actual": a}
                break
        answer["match"] = answer["firstMismatch"] is None
    else:
        answer["match"] = body.get("sha256") == digest(order) and body.get(
            "count", len(order)) == len(order)
    return answer


def problem(status, kind, title, detail, errors=None):
    body = {"type": "https://seedbank.dev/problems/" + kind, "title": title, "status": status,
            "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return status, {"Content-Type": "application/problem+json"}, body


def _handler(fake):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _serve(self):
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else {}
            headers = {k: v for k, v in self.headers.items()}
            with fake.lock:
                fake.requests.append(Recorded(self.command, url.path, query, headers, body))
                failure = fake.failures.pop(0) if fake.failures else None
            if failure:
                status, extra, payload = failure
                if payload is None:
                    _, extra2, payload = problem(status, "unavailable", "Service Unavailable",
                                                 "try again")
                    extra = dict(extra2, **extra)
                return self._send(status, extra, payload)
            parts = [p for p in url.path[len(PREFIX):].split("/") if p]
            if not url.path.startswith(PREFIX):
                return self._send(*problem(404, "not-found", "Not Found", "no route"))
            status, extra, payload = fake.route(self.command, parts, query, headers, body)
            with fake.lock:
                drop = fake.drops > 0
                fake.drops -= 1 if drop else 0
            if drop:
                self.close_connection = True
                return
            self._send(status, extra, payload)

        def _send(self, status, headers, payload):
            if isinstance(payload, (dict, list)):
                data = json.dumps(payload).encode()
                headers = dict({"Content-Type": "application/json"}, **headers)
            else:
                data = payload
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = _serve

    return Handler
