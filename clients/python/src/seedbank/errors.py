"""The one exception type the client raises for anything the service or network refuses."""


class SeedbankError(Exception):
    """A failed call: an RFC 9457 problem from the service, or no answer at all.

    ``status`` is the HTTP status, or None when no response arrived (connection refused,
    reset or timed out after every retry). ``type``, ``title``, ``detail`` and ``errors``
    are the problem's fields (``errors`` is a list of ``{"field", "message"}``);
    ``problem`` is the whole problem document, extensions included. ``attempts`` counts
    the requests made, retries included.
    """

    def __init__(self, status=None, type=None, title=None, detail=None, errors=None,
                 problem=None, method=None, url=None, attempts=1):
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = list(errors or [])
        self.problem = dict(problem or {})
        self.method = method
        self.url = url
        self.attempts = attempts
        super().__init__(self._message())

    def _message(self):
        text = "HTTP %s" % self.status if self.status is not None else "no response"
        if self.title:
            text += ": " + self.title
        details = [self.detail] if self.detail else []
        for e in self.errors:
            line = "%s: %s" % (e.get("field"), e.get("message")) if isinstance(e, dict) else str(e)
            if not any(line in d for d in details):
                details.append(line)
        if details:
            text += "; " + "; ".join(details)
        where = " ".join(p for p in (self.method, self.url) if p)
        if where:
            text += " (%s%s)" % (where, ", %d attempts" % self.attempts if self.attempts > 1 else "")
        return text


class OrderMismatchError(SeedbankError):
    """The indices received do not hash to the digest the service announced."""
