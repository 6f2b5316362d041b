"""The database may go away at any time: instances still boot, every webhook answers in time, the line recovers."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from ivr.harness import local
from ivr.harness.local import make_store_slow
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import HttpTransport
from tests.conftest import simulated_call
from tests.harness.test_http import TOKEN, serve
from tests.web.netfaults import Blackhole, Partition

APOLOGY = {"en": "We are sorry: something went wrong on our side.",
           "es": "Lo sentimos: ocurrió un problema en nuestro sistema."}
GREETING = "For English, press 1."
BUDGET = 5.0  # the default webhook budget, seconds
SLACK = 3.0  # what a busy machine may add to it; Twilio's own limit (15 s) stays far off
# Every webhook that reads or writes the store, with the query its TwiML gives it.
STORE_WEBHOOKS = ["/voice", "/voice/gather?node=main.main_menu&lang=es",
                  "/voice/transfer-result?node=common.agent&lang=es", "/voice/status",
                  "/voice/callback?id=1&lang=es", "/voice/callback-status?id=1&lang=es"]


def heard_once_back(place_call, within: float = 60.0) -> str:
    """What a call heard once the line is back: the first call after an outage migrates the database,
    which may take longer than a webhook's budget on a busy machine (that call hears the apology)."""
    deadline = time.monotonic() + within
    while True:
        heard = place_call().all_heard
        if "sorry" not in heard.lower() or time.monotonic() > deadline:
            return heard
        time.sleep(0.2)


def timed_post(call: SimulatedCall, path: str, params: dict) -> tuple[str, float]:
    """POST a signed webhook; its body and how long it took."""
    started = time.monotonic()
    body = call.post(call.base_url + path, params)
    return body, time.monotonic() - started


def test_an_instance_started_while_the_database_is_unreachable_apologises_then_recovers(make_app, tmp_path):
    missing = tmp_path / "not-yet"  # SQLite cannot open a file in a directory that does not exist
    app = make_app(DATABASE_URL=f"sqlite:///{missing / 'ivr.sqlite3'}")
    first = simulated_call(app).start()
    assert APOLOGY["en"] in first.all_heard and APOLOGY["es"] in first.all_heard  # no language chosen yet
    assert [t.target for t in first.transfers] == ["tier1"]  # live hours: the way forward is an agent
    missing.mkdir()
    assert GREETING in heard_once_back(lambda: simulated_call(app).start())
    assert simulated_call(app).start().press("2").waiting  # the line works: the Spanish menu waits for a choice


def test_a_store_that_accepts_connections_and_never_answers_cannot_hang_a_webhook(make_app):
    blackhole = Blackhole()
    try:
        started = time.monotonic()
        app = make_app(DATABASE_URL=f"postgresql://postgres@127.0.0.1:{blackhole.port}/ivr", DEMO_DATA="0")
        assert time.monotonic() - started < 15  # it boots, after the connect timeout
        call = simulated_call(app)
        for path in STORE_WEBHOOKS:
            body, seconds = timed_post(call, path, {"CallStatus": "no-answer", "Digits": "1"})
            assert seconds < BUDGET + SLACK, f"{path} took {seconds:.1f} s"
            if "status" not in path:
                assert APOLOGY["es" if "lang=es" in path else "en"] in body, path
    finally:
        blackhole.close()


@pytest.fixture
def partitioned(pg_url, make_app):
    """An app whose PostgreSQL is reached through a relay the test can cut."""
    parts = urlsplit(pg_url)
    relay = Partition(parts.hostname or "127.0.0.1", parts.port or 5432)
    url = parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{relay.port}").geturl()
    try:
        yield relay, make_app(DATABASE_URL=url, DEMO_DATA="0")
    finally:
        relay.close()


def test_a_partition_after_connecting_still_gets_the_apology_within_the_budget(partitioned):
    relay, app = partitioned
    call = simulated_call(app).start().press("1")
    assert call.waiting and "sorry" not in call.all_heard
    relay.cut()
    body, seconds = timed_post(call, "/voice/gather?node=main.main_menu&lang=en", {"Digits": "1"})
    assert seconds < BUDGET + SLACK
    assert APOLOGY["en"] in body


def test_a_gunicorn_worker_booted_during_an_outage_answers_and_recovers(tmp_path):
    missing = tmp_path / "not-yet"
    with (tmp_path / "gunicorn.log").open("ab") as log:
        process, base = serve(f"sqlite:///{missing / 'served.sqlite3'}", log, {"IVR_DEMO_DATA": "1"}, workers=1)
        try:
            down = SimulatedCall(HttpTransport(base), base, TOKEN).start()
            assert APOLOGY["en"] in down.all_heard and process.poll() is None
            missing.mkdir()
            assert GREETING in heard_once_back(lambda: SimulatedCall(HttpTransport(base), base, TOKEN).start())
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_a_store_slower_than_the_budget_gets_the_apology_in_the_callers_language(make_app, monkeypatch):
    monkeypatch.setattr(local, "SLOW_STORE_SECONDS", 8.0)
    app = make_app(WEBHOOK_BUDGET_SECONDS="0.3")
    call = simulated_call(app).start().press("2")  # Spanish, before the store slows down
    make_store_slow(app)
    body, seconds = timed_post(call, "/voice/gather?node=main.main_menu&lang=es", {"Digits": "1"})
    assert seconds < 0.3 + SLACK  # answered without waiting for the store
    assert APOLOGY["es"] in body and APOLOGY["en"] not in body
