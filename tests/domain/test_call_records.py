"""How a call's outcome is read from its journey, and how what the caller did is masked."""

from __future__ import annotations

import pytest

from ivr.domain.call_records import caller_did, classify, mask_number

ACTIONS = {"case_status.look_up": "look_up_case", "biometrics.move": "move_appointment"}


def j(*entries: dict) -> list[dict]:
    """A journey of entries (their times do not matter here)."""
    return [{"at": "2026-11-30T15:00:00+00:00", **entry} for entry in entries]


@pytest.mark.parametrize(("journey", "booked", "expected"), [
    (j({"node": "main.main_menu"}), False, ("abandoned_menu", "")),
    (j({"node": "case_status.look_up", "event": "found"}, {"node": "case_status.after_status"}), False,
     ("self_served", "")),
    (j({"node": "case_status.look_up", "event": "not_found"}, {"node": "case_status.ask_again"}), False,
     ("abandoned_menu", "")),
    (j({"node": "common.goodbye"}, {"hangup": True}), False, ("self_served", "")),
    (j({"transfer": "tier2"}, {"agent": "bridged"}, {"hangup": True}), False, ("transferred", "tier2")),
    (j({"transfer": "tier1"}, {"agent": "completed"}), False, ("transferred", "tier1")),
    (j({"transfer": "tier1"}), False, ("abandoned_queue", "tier1")),
    (j({"transfer": "tier1"}, {"agent": "hangup"}), False, ("abandoned_queue", "tier1")),
    (j({"transfer": "tier1"}, {"agent": "leave"}, {"node": "callback.offer"}), False, ("left_queue", "tier1")),
    (j({"transfer": "tier1"}, {"agent": "leave"}, {"node": "callback.booked"}), True, ("callback", "")),
    (j({"transfer": "tier3"}, {"agent": "busy"}, {"node": "common.agent_unavailable"}), False,
     ("abandoned_menu", "")),
    (j({"node": "main.main_menu"}, {"fault": "OperationalError"}), False, ("fault", "")),
])
def test_outcome_of_a_journey(journey, booked, expected):
    assert classify(journey, booked, ACTIONS) == expected


@pytest.mark.parametrize(("digits", "speech", "shown"), [
    ("1", None, "pressed 1"),
    ("*", None, "pressed *"),
    ("3222190012345", None, "pressed ***********45"),
    (None, "case status", "said case status"),
    (None, "EAC2190012345", "said EAC**********"),
    (None, "e a c two one nine zero zero one two three four five", "said e a c * * * * * * * * * *"),
    (None, "mi número es dos uno nueve", "said mi número es * * *"),
    (None, "   ", "silence"),
    (None, None, "silence"),
])
def test_what_the_caller_did_is_masked(digits, speech, shown):
    assert caller_did(digits, speech) == shown


@pytest.mark.parametrize(("number", "shown"), [("+13105550143", "*********43"), ("", ""),
                                               ("anonymous", "anonymous"),
                                               ("client:desk-7-f13d428c4c5e451e8db5f451f332ca46", "*************46")])
def test_numbers_keep_their_last_two_digits(number, shown):
    assert mask_number(number) == shown
