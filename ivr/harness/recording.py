"""A transport that keeps a record of every webhook of a call: URL, input, answer, latency, nodes."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from ivr.harness.simulator import CallFailed
from ivr.harness.transport import Reply, Transport

# What Twilio reports that tells what the caller did (or how an agent leg ended).
INPUT_PARAMS = ("Digits", "SpeechResult", "Confidence", "DialCallStatus", "QueueResult", "CallStatus")
STEP_WEBHOOKS = 40  # more webhooks than this for one caller action means the IVR is going round in circles


@dataclass(frozen=True)
class Exchange:
    """One webhook and its answer; `entered` is the nodes the engine entered (in-process only)."""

    url: str
    params: dict
    status: int
    body: str
    elapsed: float
    entered: tuple[tuple[str, str], ...] | None = None
    at: float = 0.0  # when it was posted (time.monotonic())

    @property
    def path(self) -> str:
        """The webhook's path, e.g. /voice/gather."""
        return urlsplit(self.url).path

    def query(self, name: str) -> str | None:
        """A query parameter of the webhook's URL (node, lang)."""
        values = parse_qs(urlsplit(self.url).query).get(name)
        return values[0] if values else None


class RecordingTransport:
    """Wraps a transport; `node_log` is a list the engine's observer appends (node, lang) to."""

    def __init__(self, inner: Transport, node_log: list[tuple[str, str]] | None = None,
                 step_webhooks: int = STEP_WEBHOOKS):
        self.inner, self.node_log, self.step_webhooks = inner, node_log, step_webhooks
        self.exchanges: list[Exchange] = []
        self._step_start = 0

    def new_step(self) -> None:
        """The caller acts again: the loop guard counts from here."""
        self._step_start = len(self.exchanges)

    def post(self, url: str, params: dict[str, str], headers: dict[str, str]) -> Reply:
        """Post through the wrapped transport and keep the exchange."""
        if len(self.exchanges) - self._step_start >= self.step_webhooks:
            recent = ", ".join(e.path + (f"?node={e.query('node')}" if e.query("node") else "")
                               for e in self.exchanges[-4:])
            raise CallFailed(f"the IVR answered {self.step_webhooks} webhooks for one caller action without "
                             f"waiting for the caller: a loop? (last: {recent})")
        mark = len(self.node_log) if self.node_log is not None else 0
        at = time.monotonic()
        reply = self.inner.post(url, params, headers)
        entered = tuple(self.node_log[mark:]) if self.node_log is not None else None
        kept = {k: params[k] for k in INPUT_PARAMS if k in params}
        self.exchanges.append(Exchange(url, kept, reply.status, reply.body, reply.elapsed, entered, at))
        return reply

    @property
    def last_body(self) -> str:
        """The last answer the IVR gave, for failure reports."""
        return self.exchanges[-1].body if self.exchanges else ""
