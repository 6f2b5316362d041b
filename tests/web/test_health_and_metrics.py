"""/healthz, /readyz and /metrics: unsigned, revealing nothing else; metrics right under several workers."""

from __future__ import annotations

import re
import subprocess

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from ivr.config import ROOT
from ivr.harness.local import make_database_unreachable
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import HttpTransport
from tests.conftest import CLOSED_HOURS, simulated_call
from tests.harness.test_http import TOKEN, serve

CASE_KEYS = "3222190012345#"


def samples(text: str) -> dict[tuple[str, tuple], float]:
    """Every sample of a metrics page, by name and sorted labels."""
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def scraped(client) -> dict[tuple[str, tuple], float]:
    """The app's metrics now."""
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    return samples(response.get_data(as_text=True))


def test_healthz_and_readyz_answer_unsigned_with_nothing_more(client):
    for path, body in (("/healthz", "ok\n"), ("/readyz", "ready\n")):
        response = client.get(path)
        assert (response.status_code, response.get_data(as_text=True)) == (200, body)


def test_readyz_says_503_when_the_store_is_down_but_healthz_still_answers(app, client):
    make_database_unreachable(app)
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_metrics_count_calls_by_line_language_and_outcome(app, client):
    simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1").hangup()
    simulated_call(app).start().press("2").press("5").press("2").hangup()
    simulated_call(app, agent_outcome="hangup").start().press("1").press("0").hangup()
    m = scraped(client)
    assert m[("ivr_calls_recorded", (("lang", "en"), ("line", "main"), ("outcome", "self_served")))] == 1
    assert m[("ivr_calls_recorded", (("lang", "es"), ("line", "main"), ("outcome", "transferred")))] == 1
    assert m[("ivr_calls_recorded", (("lang", "en"), ("line", "main"), ("outcome", "abandoned_queue")))] == 1
    assert m[("ivr_transfers_recorded", (("lang", "es"), ("tier", "tier3")))] == 1
    assert m[("ivr_containment_ratio", ())] == pytest.approx(2 / 3)
    assert m[("ivr_time_to_agent_seconds_count", ())] == 1
    assert m[("ivr_webhook_duration_seconds_count", (("route", "/voice/gather"),))] >= 5


def test_metrics_count_callbacks_by_state_and_zone_and_faults_by_kind(make_app):
    app = make_app(FAKE_NOW=CLOSED_HOURS, LOOKUPS_PER_CALL="1")
    simulated_call(app).start().press("1").press("0").press("1").press("*").press("*").press("1") \
        .press("1").press("1")
    c = simulated_call(app).start().press("1").press("1").press("7722190099999#").press("1")
    c.press("7722190099998#").press("1").hangup()  # a second look-up on this call: over the limit of one
    engine = app.extensions["ivr"].engine
    engine.actions = {**engine.actions, "look_up_case": lambda _ctx: 1 / 0}
    simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1").hangup()
    m = scraped(app.test_client())
    assert m[("ivr_callbacks", (("state", "scheduled"), ("time_zone", "America/New_York")))] == 1
    assert m[("ivr_faults_recorded", (("kind", "ZeroDivisionError"),))] == 1
    assert m[("ivr_lookups_refused", ())] == 1


def test_no_receipt_or_phone_number_reaches_the_metrics(app, client):
    simulated_call(app, caller="+13105550143").start().press("1").press("1").say("E A C 2190012345").hangup()
    labels = [value for _, pairs in scraped(client) for _, value in pairs]
    assert labels and not [value for value in labels if re.search(r"\d{5,}", value)]


def test_after_a_harness_run_the_metrics_show_its_calls(app, runner):
    scenarios = ROOT / "tests" / "scenarios"
    files = [str(scenarios / f"agent_busy_callback_number_{lang}.yaml") for lang in ("en", "es")]
    result = runner.invoke(args=["harness", "run", *files])
    assert result.exit_code == 0, result.output
    m = scraped(app.test_client())
    assert sum(v for (name, labels), v in m.items() if name == "ivr_calls_recorded") == 2
    assert m[("ivr_calls_recorded", (("lang", "es"), ("line", "main"), ("outcome", "callback")))] == 1


def test_under_gunicorn_with_two_workers_metrics_add_up_every_workers_webhooks(tmp_path):
    with (tmp_path / "gunicorn.log").open("ab") as log:
        process, base = serve(f"sqlite:///{tmp_path / 'served.sqlite3'}", log, {"IVR_DEMO_DATA": "1"}, workers=2)
        try:
            calls = [SimulatedCall(HttpTransport(base), base, TOKEN).start().press("1").hangup() for _ in range(6)]
            posted = sum(len(c.documents) + 1 for c in calls)  # every TwiML document, and the final status
            scrapes = [samples(requests.get(f"{base}/metrics", timeout=10).text) for _ in range(4)]
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a worker slow to stop on a busy machine
                process.kill()
                process.wait()
    for m in scrapes:  # whichever worker answered the scrape
        webhooks = sum(v for (name, _), v in m.items() if name == "ivr_webhook_duration_seconds_count")
        assert webhooks == posted
        assert m[("ivr_calls_recorded", (("lang", "en"), ("line", "main"), ("outcome", "abandoned_menu")))] == 6
