"""A call's state in its URLs: carried whole while it holds nothing private, never otherwise."""

from __future__ import annotations

import pytest

from ivr.flows.state import CallState
from ivr.flows.url_state import from_url_token, url_token

NUMBERS = {"call_sid": "CA1", "caller": "+12025550143", "called": "+18003755283"}


@pytest.mark.parametrize("state", [
    CallState(**NUMBERS, lang="es", node="main.main_menu"),
    CallState(**NUMBERS, lang="en", lang_chosen=False, node="main.choose_language"),
    CallState(**NUMBERS, lang="en", node="case_status.ask", tries=2, more_time=True,
              vars={"receipt_for": "biometrics", "receipt_attempts": "1"}),
    CallState(**NUMBERS, lang="en", node="callback.choose_slot", vars={"time_zone": "America/Chicago", "receipt": ""}),
])
def test_a_state_without_private_values_comes_back_whole(state):
    token = url_token(state)
    assert token is not None
    assert from_url_token(token, node=state.node, **NUMBERS) == state


@pytest.mark.parametrize("private", [
    {"receipt": "EAC2190012345"}, {"receipt_spoken": "E A C, 2 1 9"}, {"phone": "+13105550100"},
    {"reference": "SR12345678"}, {"a_variable_added_later": "x"},
])
def test_a_state_holding_anything_not_known_to_be_safe_stays_out_of_urls(private):
    assert url_token(CallState(**NUMBERS, vars={"lang": "en", **private})) is None


def test_the_callers_numbers_are_not_in_the_token():
    token = url_token(CallState(**NUMBERS, vars={"lang": "en"}))
    back = from_url_token(token, call_sid="CA2", caller="", called="", node="n")
    assert (back.call_sid, back.caller, back.called) == ("CA2", "", "")


def test_a_call_under_test_conditions_keeps_its_state_in_the_store():
    assert url_token(CallState(**NUMBERS, vars={"lang": "en"}, conditions={"now": "2026-11-28T23:00:00+00:00"})) is None


def test_calls_sharing_a_token_never_share_their_state():
    """Two calls at the same prompt carry the same token: a change to one call's state (its variables, its
    retries) is never seen by the other, nor by the next call that brings the token."""
    state = CallState(**NUMBERS, lang="es", node="case_status.ask", vars={"receipt_for": "status"})
    token = url_token(state)
    first = from_url_token(token, node=state.node, **NUMBERS)
    first.vars["receipt_attempts"] = "2"
    first.tries = 3
    second = from_url_token(token, node=state.node, **{**NUMBERS, "call_sid": "CA2"})
    assert second.vars == {"receipt_for": "status"} and second.tries == 0 and second.call_sid == "CA2"
    assert url_token(first) != token and url_token(second) == token


def test_the_same_state_gives_the_same_token_whatever_the_order_of_its_variables():
    one = CallState(**NUMBERS, lang="en", vars={"receipt_for": "status", "receipt_attempts": "1"})
    other = CallState(**NUMBERS, lang="en", vars={"receipt_attempts": "1", "receipt_for": "status"})
    assert url_token(one) == url_token(other)
