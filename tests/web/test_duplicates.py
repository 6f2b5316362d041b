"""A webhook Twilio delivers twice gets the same answer, and nothing is booked, recorded or counted twice."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

from sqlalchemy import func, select

from ivr.runtime import runtime
from ivr.store.tables import CallRecordRow, Lookup
from tests.conftest import simulated_call


def footprint(app, call_sid: str) -> tuple[int, int]:
    """What the line keeps of a call: its look-ups counted, and the steps of its record's journey."""
    with app.app_context(), runtime().store.session() as session:
        lookups = session.scalar(select(func.count()).select_from(Lookup).where(Lookup.call_sid == call_sid))
        record = session.get(CallRecordRow, call_sid)
        return lookups, len(record.journey) if record else 0


def answer_twice(app, call, keys: str) -> tuple[str, str]:
    """Press keys at the waiting prompt, then have Twilio deliver that same webhook again: the line
    must keep of the call exactly what it kept after the first delivery."""
    url = urljoin(call._url, call.waiting_for.get("action"))
    first = call.post(url, {"Digits": keys})
    kept = footprint(app, call.call_sid)
    again = call.post(url, {"Digits": keys})
    assert footprint(app, call.call_sid) == kept
    return first, again


def test_a_look_up_delivered_twice_answers_the_same_and_counts_once(app):
    call = simulated_call(app).start().press("1").press("1").press("3222190012345#")
    first, again = answer_twice(app, call, "1")  # confirm the number read back: the case is looked up
    assert "We received your case" in first and again == first
    assert footprint(app, call.call_sid)[0] == 1


def test_a_repeated_delivery_records_nothing_twice(app):
    call = simulated_call(app).start().press("1").press("1").press("3222190012345#")  # the state is in the store
    first, again = answer_twice(app, call, "2")  # "that is not my number": asked for it again
    assert again == first and footprint(app, call.call_sid)[1] > 0


def test_the_first_webhook_delivered_twice_gets_the_same_answer(app):
    call = simulated_call(app)
    first = call.post(call.base_url + "/voice", {"CallStatus": "ringing"})
    kept = footprint(app, call.call_sid)
    assert call.post(call.base_url + "/voice", {"CallStatus": "ringing"}) == first
    assert footprint(app, call.call_sid) == kept and kept[1] > 0  # its record keeps the greeting once


def test_the_same_answer_given_again_by_the_caller_is_a_new_turn(app):
    call = simulated_call(app).start().press("1")
    first = call.silence().last_heard
    second = call.silence().last_heard  # the caller stays silent twice: the second re-prompt says more
    assert first != second and call.waiting


def test_each_answer_url_carries_its_own_calls_turn(app):
    call = simulated_call(app).start().press("1").press("1").press("3222190012345#")  # the state is in the store
    first = call.waiting_for.get("action")
    call.silence()  # the read-back again, a turn later
    again = call.waiting_for.get("action")
    other = simulated_call(app).start().press("1").press("1").press("3222190012345#")
    assert "turn=" in first and again != first
    assert parse_qs(urlsplit(again).query)["node"] == parse_qs(urlsplit(first).query)["node"]
    assert other.waiting_for.get("action") == first  # another call at the same prompt and turn
    late = call.post(urljoin(call._url, first), {"Digits": "1"})  # an answer to the first read-back, delivered late
    assert late == call.documents[-1]  # the answer already given, and nothing looked up
    assert footprint(app, call.call_sid)[0] == 0
