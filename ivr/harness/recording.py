"""A transport that keeps a record of every webhook of a call: URL, input, answer, latency, nodes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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


class NodeLog:
    """The nodes the engines enter, (node, lang) in order, credited to the webhook being answered.

    Each webhook's nodes go to the list of the context that posted it: calls placed at once on
    several threads (`harness load`) never see each other's nodes. The context is copied, with its
    list, to the thread a webhook's budget may run the work on.
    """

    def __init__(self):
        self._current: ContextVar[list[tuple[str, str]] | None] = ContextVar(f"node_log_{id(self)}", default=None)

    def entered(self, node: str, lang: str) -> None:
        """The engine entered a node (the engines' observer); outside a watched webhook it is not kept."""
        nodes = self._current.get()
        if nodes is not None:
            nodes.append((node, lang))

    @contextmanager
    def watching(self) -> Iterator[list[tuple[str, str]]]:
        """The list the nodes entered in this context go to, until the block ends."""
        nodes: list[tuple[str, str]] = []
        token = self._current.set(nodes)
        try:
            yield nodes
        finally:
            self._current.reset(token)


class RecordingTransport:
    """Wraps a transport; `node_log`, when given, tells the nodes each webhook entered (in-process only)."""

    def __init__(self, inner: Transport, node_log: NodeLog | None = None,
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
        at = time.monotonic()
        if self.node_log is None:
            reply, entered = self.inner.post(url, params, headers), None
        else:
            with self.node_log.watching() as nodes:
                reply = self.inner.post(url, params, headers)
            entered = tuple(nodes)
        kept = {k: params[k] for k in INPUT_PARAMS if k in params}
        self.exchanges.append(Exchange(url, kept, reply.status, reply.body, reply.elapsed, entered, at))
        return reply

    @property
    def last_body(self) -> str:
        """The last answer the IVR gave, for failure reports."""
        return self.exchanges[-1].body if self.exchanges else ""
