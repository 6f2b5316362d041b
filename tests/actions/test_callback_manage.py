"""A caller hears or cancels their callback, found by its reference or their receipt number."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ivr.actions import callback_manage
from ivr.actions.callback_manage import cancel_my_callback, find_my_callback
from ivr.domain.callbacks import Booking
from ivr.domain.lookups import LookupLimits
from tests.actions.line import Situation, check_situation, situations, tabled_events

RECEIPT = "EAC2190012345"
TUESDAY_NINE_HONOLULU = datetime(2026, 12, 1, 19, tzinfo=UTC)


@pytest.fixture
def line(line):
    """A line where one callback is booked for a receipt number, in Hawaii time."""
    booking = Booking("CAbooked", RECEIPT, "Pacific/Honolulu", "+18085550100", "en", "tier1", "agent",
                      TUESDAY_NINE_HONOLULU)
    line.records.book_callback(booking, 5, line.now)
    return line


PROTECTED_RECEIPT = "EAC2190066666"  # a U visa (I-918) case


def senior_officers_callback(line):
    """A second callback, booked for senior officers (a VAWA, U or T matter) on the same receipt number."""
    booking = Booking("CAprivate", RECEIPT, "Pacific/Honolulu", "+18085550199", "en", "tier3", "agent",
                      TUESDAY_NINE_HONOLULU - timedelta(days=1))
    line.records.book_callback(booking, 5, line.now)


def protected_case_callback(line):
    """A callback booked for a protected case's receipt number, whatever its tier."""
    line.records.add_case(PROTECTED_RECEIPT, form="I-918")
    booking = Booking("CAprotected", PROTECTED_RECEIPT, "America/New_York", "+12025550199", "en", "tier1", "agent",
                      TUESDAY_NINE_HONOLULU)
    line.records.book_callback(booking, 5, line.now)


def no_lookups_left(line):
    """The call already made every look-up the limits allow."""
    line.limits = LookupLimits(per_call=0)


def already_cancelled(line):
    """The callback was cancelled meanwhile (or is being dialled)."""
    line.records.cancel_callback(1, line.now, "operator")


SITUATIONS = [
    *situations(
        find_my_callback,
        ("its reference", Situation("found", given={"digits": "00000001"})),
        ("its reference, C B keyed", Situation("found", given={"digits": "2200000001#"})),
        ("the receipt number", Situation("found", given={"digits": "3222190012345#"})),
        ("an unknown reference", Situation("none", given={"digits": "00000002"})),
        ("a senior officers' callback by its reference",
         Situation("found_private", given={"digits": "00000002"}, arrange=senior_officers_callback)),
        ("the receipt number of a protected case",
         Situation("none", given={"digits": "3222190066666"}, arrange=protected_case_callback)),
        ("a receipt with no callback", Situation("none", given={"digits": "5462190011111"})),
        ("too short", Situation("invalid", given={"digits": "123"})),
        ("the third failure", Situation("too_many", {"manage_attempts": "2"}, {"digits": "123"})),
        ("past the look-up limit", Situation("limited", given={"digits": "00000001"}, arrange=no_lookups_left)),
    ),
    *situations(
        cancel_my_callback,
        ("scheduled", Situation("cancelled", {"callback_id": "1"})),
        ("no longer scheduled", Situation("gone", {"callback_id": "1"}, arrange=already_cancelled)),
    ),
]


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", callback_manage.ACTIONS, ids=lambda a: a.name)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize(("lang", "when"), [("en", "Tuesday, December 1, at 9 a.m. Hawaii time"),
                                            ("es", "martes 1 de diciembre, a las 9 de la mañana, hora de Hawái")])
def test_the_callback_found_is_read_back_with_its_reference_time_and_number(line, lang, when):
    assert line.run(find_my_callback, lang=lang, digits="00000001").vars == {
        "callback_id": "1", "callback_reference_spoken": "C B, 0 0 0 0, 0 0 0 1", "callback_when": when,
        "callback_phone_spoken": "8 0 8, 5 5 5, 0 1 0 0"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_senior_officers_callback_is_read_without_its_number_and_never_found_by_receipt(line, lang):
    senior_officers_callback(line)
    found = line.run(find_my_callback, lang=lang, digits="00000002")
    assert found.event == "found_private" and "callback_phone_spoken" not in found.vars
    assert found.vars["callback_reference_spoken"] == "C B, 0 0 0 0, 0 0 0 2"
    # by the receipt number: the other callback, although the senior officers' one comes sooner
    assert line.run(find_my_callback, lang=lang, digits="3222190012345#").vars["callback_id"] == "1"


def test_cancelling_frees_the_place_and_names_the_call_that_did_it(line):
    line.run(cancel_my_callback, {"callback_id": "1"})
    assert line.records.cancelled == {1: f"caller {line.call_sid}"}
    assert line.records.callback_places[TUESDAY_NINE_HONOLULU] == 0


def test_every_look_up_counts_against_the_limits(line):
    line.run(find_my_callback, digits="00000001")
    line.run(find_my_callback, digits="3222190012345")
    assert len(line.records.lookups) == 2
