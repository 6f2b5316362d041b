"""The operations pages: what they show, what supervisors may change, and no number unmasked."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import CLOSED_HOURS, simulated_call
from tests.ops.conftest import add_operator, csrf_of, sign_in

CASE_KEYS = "3222190012345#"
CALLER = "+13105550143"


def figures(page: str) -> dict:
    """The figures a page carries for plotly.js."""
    return json.loads(re.search(r'<script type="application/json" id="figures">(.*?)</script>', page, re.S)[1])


def test_today_shows_the_days_calls_per_hour_by_outcome_and_language(app, viewer):
    simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1").hangup()
    simulated_call(app).start().press("2").press("5").press("2").hangup()
    page = viewer.get("/ops/?day=2026-11-30").get_data(as_text=True)
    assert '<dd id="kpi-calls">2</dd>' in page and '<dd id="kpi-containment">50%</dd>' in page
    drawn = figures(page)
    by_outcome = {trace["name"]: trace["y"] for trace in drawn["by_outcome"]["data"]}
    assert by_outcome["self_served"][10] == 1 and by_outcome["transferred"][10] == 1  # 10 a.m. Eastern
    assert {trace["name"] for trace in drawn["by_language"]["data"]} == {"en", "es"}
    assert "/ops/vendor/plotly.min.js" in page


def test_a_day_without_calls_points_to_the_latest_day_with_some(app, viewer):
    simulated_call(app).start().press("1").hangup()
    page = viewer.get("/ops/?day=2026-12-25").get_data(as_text=True)
    assert '<dd id="kpi-calls">0</dd>' in page and 'id="latest-day"' in page and "2026-11-30" in page


def test_the_charting_library_is_served_by_the_app(client):
    with client.get("/ops/vendor/plotly.min.js") as response:
        assert response.status_code == 200 and b"plotly.js" in response.data[:200]


def test_a_supervisor_answers_a_request_and_it_is_recorded(supervisor):
    page = supervisor.get("/ops/requests").get_data(as_text=True)
    assert 'id="request-SR20260001"' in page and "Mark answered" in page
    response = supervisor.post("/ops/requests/SR20260001/answer", data={"csrf_token": csrf_of(page)})
    assert response.status_code == 302
    assert 'id="request-SR20260001"' not in supervisor.get("/ops/requests").get_data(as_text=True)
    changes = supervisor.application.test_cli_runner().invoke(args=["changes", "--json"]).output
    assert json.loads(changes)[0] | {"at": ""} == {"at": "", "operator": "sam", "action": "answer_request",
                                                   "subject": "SR20260001", "detail": ""}


def test_a_viewer_may_look_but_not_answer(viewer):
    page = viewer.get("/ops/requests").get_data(as_text=True)
    assert "Mark answered" not in page
    response = viewer.post("/ops/requests/SR20260001/answer", data={"csrf_token": csrf_of(page)})
    assert response.status_code == 403
    assert 'id="request-SR20260001"' in viewer.get("/ops/requests").get_data(as_text=True)


def test_requests_waiting_are_counted_by_office_and_age(viewer):
    page = viewer.get("/ops/requests").get_data(as_text=True)
    bands = {trace["name"]: dict(zip(trace["y"], trace["x"], strict=True))
             for trace in figures(page)["requests"]["data"]}
    assert bands["30+ days: follow-up due"]["vsc"] == 1  # SR20260001, made October 26: 35 days on November 30
    assert bands["10–19 days"]["tier2"] == 1  # SR20260003, made November 16: 14 days


@pytest.fixture
def booked(make_app):
    """An app out of hours with a callback booked, and a supervisor and a viewer."""
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    simulated_call(app, caller=CALLER).start().press("2").press("0").press("1").press("*").press("*").press("1") \
        .press("1").press("1")  # a callback with no case: Eastern, chosen from the zone list
    add_operator(app, "sam", "supervisor")
    add_operator(app, "vera", "viewer")
    return app


def test_callbacks_due_by_zone_and_state_and_a_supervisor_cancels_one(booked):
    client = booked.test_client()
    sign_in(client, "sam")
    page = client.get("/ops/callbacks").get_data(as_text=True)
    assert "America/New_York" in page and "*********43" in page and CALLER not in page
    assert figures(page)["callbacks"]["data"][0]["name"] == "America/New_York · scheduled"
    [callback_id] = re.findall(r'/ops/callbacks/(\d+)/cancel', page)
    assert client.post(f"/ops/callbacks/{callback_id}/cancel", data={"csrf_token": csrf_of(page)}).status_code == 302
    after = figures(client.get("/ops/callbacks").get_data(as_text=True))
    assert [trace["name"] for trace in after["callbacks"]["data"]] == ["America/New_York · cancelled"]


def test_a_viewer_cannot_cancel_a_callback(booked):
    client = booked.test_client()
    sign_in(client, "vera")
    page = client.get("/ops/callbacks").get_data(as_text=True)
    assert "/cancel" not in page
    assert client.post("/ops/callbacks/1/cancel", data={"csrf_token": csrf_of(page)}).status_code == 403


def test_a_calls_journey_is_drawn_on_the_flow_diagram(app, viewer):
    c = simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1").hangup()
    page = viewer.get(f"/ops/calls/{c.call_sid}").get_data(as_text=True)
    assert '<strong id="outcome">self_served</strong>' in page and "case_status.look_up → found" in page
    svg = viewer.get(f"/ops/calls/{c.call_sid}/diagram.svg")
    assert svg.mimetype == "image/svg+xml" and b"#c62828" in svg.data and b"look_up" in svg.data
    assert viewer.get("/ops/calls/CA404").status_code == 404


def test_no_receipt_or_phone_number_appears_unmasked_on_any_page(app, viewer):
    simulated_call(app, caller=CALLER).start().press("1").press("1").say("E A C 2190012345").press("1").hangup()
    pages = [viewer.get(p).get_data(as_text=True) for p in ("/ops/?day=2026-11-30", "/ops/requests", "/ops/calls",
                                                            "/ops/callbacks", "/ops/test-call")]
    sid = re.search(r'/ops/calls/(CA\w+)"', pages[2])[1]
    pages.append(viewer.get(f"/ops/calls/{sid}").get_data(as_text=True))
    for page in pages:
        assert not re.search(r"\b[A-Z]{3}\d{10}\b", page)  # a whole receipt number
        assert "3105550143" not in page and "2190012345" not in page
