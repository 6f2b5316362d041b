"""The harness's own cost per simulated webhook, so the load tool is never the bottleneck.

    python bench/bench_harness_overhead.py [--calls 2000] [--http-calls 300] [--concurrency 20]

1. In memory: whole scenario calls (signing, TwiML checks, recording, expectations) against a
   fake IVR that answers instantly with fixed, realistic TwiML: microseconds per webhook.
2. Over loopback HTTP: `harness load`'s runner against a stand-in WSGI server answering the same
   TwiML: webhooks per second the tool can drive (server and tool share this machine's 2 cores).
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
import time
from pathlib import Path

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ivr.domain.routing import Target  # noqa: E402
from ivr.harness.load import run_load  # noqa: E402
from ivr.harness.recording import RecordingTransport  # noqa: E402
from ivr.harness.remote import RemoteBackend  # noqa: E402
from ivr.harness.runner import run_scenario, tier_of  # noqa: E402
from ivr.harness.scenario import parse_scenario  # noqa: E402
from ivr.harness.simulator import SimulatedCall  # noqa: E402
from ivr.harness.transport import Reply  # noqa: E402

TOKEN = "bench-token"
SAY = '<Say language="en-US" voice="Polly.Joanna-Neural">{}</Say>'
GATHER = ('<Gather action="/voice/gather?node={}&amp;lang=en" hints="agent, representative, operator" '
          'input="dtmf speech" language="en-US" method="POST" numDigits="1" speechTimeout="auto" timeout="6">{}'
          '</Gather><Redirect method="POST">/voice/gather?node={}&amp;lang=en</Redirect>')
MENU = "For the status of a case, press 1. For a biometrics appointment, press 2. To speak with someone, press 5."
DOCUMENTS = {  # webhook path (and node) -> the fixed TwiML the fake IVR answers
    "/voice": GATHER.format("main.choose_language", SAY.format("Thank you for calling. For English, press 1."),
                            "main.choose_language"),
    "/voice/gather:main.choose_language": GATHER.format("main.main_menu", SAY.format(MENU), "main.main_menu"),
    "/voice/gather:main.main_menu": SAY.format("Please hold while we connect you with an agent.")
    + '<Enqueue action="/voice/transfer-result?node=common.tier1_transfer&amp;lang=en" method="POST" '
      'waitUrl="/voice/hold?lang=en" waitUrlMethod="POST">tier1</Enqueue>',
    "/voice/hold": SAY.format("Thank you for holding. You are number 1 in line.") + '<Pause length="20"/>',
    "/voice/transfer-result": "<Hangup/>",
    "/voice/status": "",
}
SCENARIO = parse_scenario({"language": "en", "steps": [
    {"press": "1"}, {"expect_heard": "For the status of a case"}, {"press": "0"},
    {"expect_transfer": "tier1"}, "expect_hangup"]}, "bench")


def answer(path: str, node: str | None) -> str:
    """The fake IVR's TwiML for a webhook."""
    body = DOCUMENTS.get(f"{path}:{node}", DOCUMENTS.get(path, ""))
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{body}</Response>'


class InstantIvr:
    """A transport whose IVR answers at once: only the harness's own work is timed."""

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        path, _, query = url.partition("?")
        node = query.split("node=")[1].split("&")[0] if "node=" in query else None
        return Reply(200, answer(path.removeprefix("http://bench"), node), "application/xml", 0.0)


class InMemoryBackend:
    """Scenario calls into the instant IVR."""

    mode = "in-process"

    def skip_reason(self, scenario):
        return None

    def prepare(self, scenario):
        return scenario

    def open_call(self, scenario):
        transport = RecordingTransport(InstantIvr())
        return SimulatedCall(transport, "http://bench", TOKEN), transport

    def tier_of(self, kind, target):
        return tier_of({"tier1": Target("queue", "tier1")}, kind, target)


def bench_in_memory(calls: int) -> None:
    """Microseconds of harness work per webhook, whole scenario calls in memory."""
    backend, webhooks = InMemoryBackend(), 0
    started = time.perf_counter()
    for _ in range(calls):
        outcome = run_scenario(SCENARIO, backend)
        assert outcome.status == "passed", outcome.message
        webhooks += len(outcome.exchanges)
    seconds = time.perf_counter() - started
    print(f"in memory: {calls} calls, {webhooks} webhooks in {seconds:.2f}s: "
          f"{seconds / webhooks * 1e6:.0f} us of harness work per webhook ({webhooks / seconds:,.0f} webhooks/s)")


@Request.application
def stand_in(request: Request) -> Response:
    """The same fixed TwiML over HTTP."""
    return Response(answer(request.path, request.args.get("node")), mimetype="application/xml")


def bench_http(calls: int, concurrency: int) -> None:
    """Webhooks per second `harness load` drives against a stand-in server on loopback."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request on the terminal
    server = make_server("127.0.0.1", 0, stand_in, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    backend = RemoteBackend(f"http://127.0.0.1:{server.server_port}", TOKEN, {"tier1": Target("queue", "tier1")})
    try:
        report = run_load(backend, [SCENARIO] * calls, concurrency, max_seconds=120)
    finally:
        backend.close()
        server.shutdown()
        server.server_close()
    webhooks = len(report.samples)
    print(f"over HTTP: {report.completed}/{calls} calls, {webhooks} webhooks in {report.seconds:.2f}s at concurrency "
          f"{concurrency}: {webhooks / report.seconds:,.0f} webhooks/s (tool and stand-in server on one machine)")


def main() -> None:
    """Run both measures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--http-calls", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    bench_in_memory(args.calls)
    bench_http(args.http_calls, args.concurrency)


if __name__ == "__main__":
    main()
