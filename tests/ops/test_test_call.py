"""A test call from the page: the simulator of `flask call` on a scratch line, driven by JSON turns."""

from __future__ import annotations

import re

from ivr.runtime import runtime
from ivr.store.call_records import list_calls
from tests.ops.conftest import csrf_of


def turn(client, path: str, body: dict, token: str):
    """POST one turn of the test call; the JSON answer."""
    response = client.post(f"/ops/test-call/{path}", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def token_of(client) -> str:
    """The page's CSRF token."""
    return re.search(r'name="csrf-token" content="([^"]+)"', client.get("/ops/test-call").get_data(as_text=True))[1]


def walk_to_status(client, language_key: str, **conditions):
    """Start a test call and key the demo case's receipt number; every answer."""
    token = token_of(client)
    answers = [turn(client, "start", conditions, token)]
    for keys in (language_key, "1", "3222190012345#", "1"):
        answers.append(turn(client, "act", {"state": answers[-1]["state"], "action": "press", "value": keys}, token))
    return answers


def test_a_test_call_walks_to_a_spoken_case_status_in_english_and_spanish(viewer):
    english = walk_to_status(viewer, "1")[-1]["speak"]
    assert [s["lang"] for s in english if "We received your case" in s["text"]] == ["en-US"]
    spanish = walk_to_status(viewer, "2")[-1]["speak"]
    assert [s["lang"] for s in spanish if "Recibimos su caso" in s["text"]] == ["es-US"]


def test_the_first_answer_is_the_greeting_in_both_languages_and_the_transcript_follows(viewer):
    first = turn(viewer, "start", {}, token_of(viewer))
    assert not first["ended"] and first["waiting"]
    assert {s["lang"] for s in first["speak"]} == {"en-US", "es-US"}
    assert all(line["who"] == "ivr" for line in first["transcript"])


def test_a_test_call_never_touches_the_lines_data(app, viewer):
    walk_to_status(viewer, "1")
    with app.app_context():
        assert list_calls(runtime().store) == []


def test_business_conditions_are_honoured(viewer):
    token = token_of(viewer)
    answer = turn(viewer, "start", {"hour": "weekend"}, token)
    for key in ("1", "0"):
        answer = turn(viewer, "act", {"state": answer["state"], "action": "press", "value": key}, token)
    assert any("not available until" in s["text"] for s in answer["speak"])
    busy = turn(viewer, "start", {"agent": "busy"}, token)
    for key in ("1", "0"):
        busy = turn(viewer, "act", {"state": busy["state"], "action": "press", "value": key}, token)
    assert any(line["who"] == "transfer" for line in busy["transcript"])
    assert any("could not connect you" in s["text"] for s in busy["speak"])


def test_only_a_supervisor_may_test_on_the_lines_data(app, viewer, supervisor):
    refused = viewer.post("/ops/test-call/start", json={"live": True}, headers={"X-CSRFToken": token_of(viewer)})
    assert refused.status_code == 403
    token = token_of(supervisor)
    answer = turn(supervisor, "start", {"live": True}, token)
    turn(supervisor, "act", {"state": answer["state"], "action": "hangup"}, token)
    with app.app_context():
        assert len(list_calls(runtime().store)) == 1


def test_a_changed_state_is_refused(viewer):
    token = token_of(viewer)
    answer = turn(viewer, "start", {}, token)
    forged = viewer.post("/ops/test-call/act", json={"state": answer["state"][:-2] + "xx", "action": "press",
                                                      "value": "1"}, headers={"X-CSRFToken": token})
    assert forged.status_code == 400


def test_without_the_csrf_token_a_turn_is_refused(viewer):
    assert viewer.post("/ops/test-call/start", json={}).status_code == 400
    assert csrf_of(viewer.get("/ops/").get_data(as_text=True))


def test_a_test_call_on_a_line_that_texts_offers_the_address_and_texts_nobody(viewer, monkeypatch):
    monkeypatch.setenv("IVR_TEXT_FROM", "+18003755283")  # the line texts; its scratch copy must not
    token = token_of(viewer)
    answers = [turn(viewer, "start", {}, token)]
    for keys in ("1", "5", "3", "3", "2"):
        answers.append(turn(viewer, "act", {"state": answers[-1]["state"], "action": "press", "value": keys}, token))
    heard = " ".join(s["text"] for s in answers[-1]["speak"])
    assert "To hear the address of this page on our website, press 4" in heard and "text message" not in heard
