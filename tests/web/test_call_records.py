"""Every call leaves a masked record: its journey node by node, what the caller did, and its outcome."""

from __future__ import annotations

import json

import pytest

from ivr.runtime import EXTENSION, runtime
from ivr.store.call_records import find_call
from tests.conftest import simulated_call

CASE_KEYS = "3222190012345#"  # EAC2190012345, the demo case
CALLER = "+13105550143"


def record_of(app, call):
    """The stored record of a simulated call."""
    with app.app_context():
        return find_call(runtime().store, call.call_sid)


def nodes(record) -> list[str]:
    """The nodes the journey entered, in order."""
    return [entry["node"] for entry in record.journey if "node" in entry]


@pytest.mark.parametrize("lang_key", ["1", "2"])
def test_a_case_status_call_is_recorded_node_by_node_and_self_served(app, lang_key):
    c = simulated_call(app, caller=CALLER).start().press(lang_key).press("1").press(CASE_KEYS).press("1").hangup()
    record = record_of(app, c)
    assert record.outcome == "self_served" and record.line == "main" and record.lang == ("en", "es")[int(lang_key) - 1]
    walked = nodes(record)
    assert walked[:4] == ["main.opening", "main.welcome", "main.notes", "main.main_menu"]
    assert walked.index("case_status.ask") < walked.index("case_status.look_up") < walked.index("case_status.status")
    assert {"node": "case_status.look_up", "event": "found"}.items() <= next(
        e for e in record.journey if e.get("node") == "case_status.look_up").items()
    assert [e["did"] for e in record.journey if "did" in e] == [f"pressed {lang_key}", "pressed 1",
                                                                 "pressed ***********45", "pressed 1"]
    assert record.ended_at is not None and record.seconds == 0  # the clock is fixed in tests


def test_no_receipt_or_phone_number_is_kept_in_the_record(app):
    c = simulated_call(app, caller=CALLER).start().press("1").press("1")
    c.say("E A C 2 1 9 0 0 1 2 3 4 5").press("1").hangup()
    stored = json.dumps(record_of(app, c).__dict__, default=str)
    for secret in ("2190012345", "3105550143", "2 1 9 0 0 1 2 3 4 5", "5550143"):
        assert secret not in stored
    assert record_of(app, c).caller == "*********43"
    assert "said E A C * * * * * * * * * *" in stored


def test_a_transfer_is_recorded_with_its_tier_and_language(call):
    c = call().start().press("2").press("5").press("2").hangup()
    record = record_of(c.transport.client.application, c)
    assert (record.outcome, record.tier, record.lang) == ("transferred", "tier3", "es")


@pytest.mark.parametrize(("agent", "outcome"), [("hangup", "abandoned_queue"), ("leave", "left_queue")])
def test_a_caller_who_does_not_reach_an_agent_in_the_queue(app, agent, outcome):
    c = simulated_call(app, agent_outcome=agent).start().press("1").press("0").hangup()
    record = record_of(app, c)
    assert (record.outcome, record.tier) == (outcome, "tier1")


def test_hanging_up_at_a_menu_is_abandoning_it(app):
    c = simulated_call(app).start().press("1").hangup()
    assert record_of(app, c).outcome == "abandoned_menu"


def test_a_booked_callback_is_the_outcome_not_an_abandon(closed_call):
    c = closed_call(caller=CALLER).start().press("1").press("0").press("1").press("*").press("*").press("1") \
        .press("1").press("1")
    record = record_of(c.transport.client.application, c)
    assert c.ended and record.outcome == "callback"


def test_the_tty_line_is_recorded_as_such(closed_call):
    c = closed_call(called="+18007671833").start().hangup()
    assert record_of(c.transport.client.application, c).line == "tty"


def test_a_fault_is_recorded_with_its_kind(app):
    def broken(_ctx):
        raise KeyError("a bug")

    engine = app.extensions[EXTENSION].engine
    engine.actions = {**engine.actions, "look_up_case": broken}
    c = simulated_call(app).start().press("1").press("1").press(CASE_KEYS).press("1")
    assert "something went wrong on our side" in c.all_heard
    c.hangup()
    record = record_of(app, c)
    assert record.outcome == "fault" and {"KeyError"} == {e["fault"] for e in record.journey if "fault" in e}


def test_the_outcome_is_settled_once_however_often_the_status_comes(app):
    c = simulated_call(app).start().press("1").hangup()
    c.post("http://localhost/voice/status", {"CallStatus": "completed"})
    assert record_of(app, c).outcome == "abandoned_menu"
