"""The callback actions: open slots spoken in the filer's zone, the number to call, the booking."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import islice

import pytest

from ivr.actions import callbacks
from ivr.actions.callbacks import (
    book_callback,
    check_caller_id,
    offer_callback_slots,
    read_callback_number,
    reject_callback_number,
    route_callback,
)
from ivr.actions.services import CallbackPolicy
from ivr.domain.callback_slots import candidate_slots
from ivr.domain.contact_center import TIERS
from tests.actions.line import Situation, check_situation, situations, tabled_events

CHICAGO = "LIN2190012345"
CENTRAL = "America/Chicago"
# Monday 10 a.m. Eastern is 9 a.m. in Chicago; with 15 minutes' lead, 9:30 is the first slot.
FIRST, SECOND, THIRD, FOURTH = (datetime(2026, 11, 30, 15, 30, tzinfo=UTC), datetime(2026, 11, 30, 16, tzinfo=UTC),
                                datetime(2026, 11, 30, 16, 30, tzinfo=UTC), datetime(2026, 11, 30, 17, tzinfo=UTC))


@pytest.fixture
def line(line):
    """A line whose records hold a case filed in Chicago."""
    line.records.add_case(CHICAGO, form="I-485", filing="fo_chicago")
    return line


def fill(*starts):
    """Other callers booked every place of these slots."""
    def arrange(line):
        for start in starts:
            line.records.callback_places[start] = line.callbacks.capacity
    return arrange


def fill_every_slot(line):
    """Every slot of the weeks a caller may be offered is full."""
    policy = line.callbacks
    starts = islice(candidate_slots(line.now, CENTRAL, line.hours, policy.window, callbacks.SEARCH_DAYS), 200)
    fill(*starts)(line)


def offered(line, lang="en"):
    """The caller was offered the first open slots in Central time, and chose the number they call from."""
    line.run(offer_callback_slots, {"time_zone": CENTRAL}, lang=lang)
    line.run(check_caller_id)


def offered_then_filled(line):
    """The caller was offered the slots; other callers then filled the second."""
    offered(line)
    fill(SECOND)(line)


SITUATIONS = [
    *situations(
        offer_callback_slots,
        ("open slots", Situation("offered", {"time_zone": CENTRAL})),
        ("a slot filled", Situation("offered", {"time_zone": CENTRAL}, arrange=fill(FIRST))),
        ("every slot full", Situation("none", {"time_zone": CENTRAL}, arrange=fill_every_slot)),
    ),
    *situations(
        check_caller_id,
        ("a US number", Situation("usable", given={"caller": "+12025550143"})),
        ("a Puerto Rico number", Situation("usable", given={"caller": "+17875550123"})),
        ("withheld", Situation("unusable", given={"caller": "anonymous"})),
        ("toll free", Situation("unusable", given={"caller": "+18003755283"})),
        ("abroad", Situation("unusable", given={"caller": "+442071234567"})),
    ),
    *situations(
        read_callback_number,
        ("ten digits", Situation("ok", given={"digits": "2025550143"})),
        ("cut short", Situation("invalid", given={"digits": "202555"})),
        ("the third wrong number", Situation("too_many", {"phone_attempts": "2"}, {"digits": "202555"})),
    ),
    *situations(
        reject_callback_number,
        ("first time", Situation("again")),
        ("the third time", Situation("too_many", {"phone_attempts": "2"})),
    ),
    *situations(
        book_callback,
        ("the second slot", Situation("booked", {"slot": "2"}, arrange=offered)),
        ("filled meanwhile", Situation("full", {"slot": "2"}, arrange=offered_then_filled)),
    ),
    *situations(
        route_callback,
        *((tier, Situation(tier, {"callback_tier": tier})) for tier in TIERS),
        ("no tier kept", Situation("tier1")),
    ),
]


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", callbacks.ACTIONS, ids=lambda a: a.name)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize(("lang", "spoken"), [
    ("en", ["Monday, November 30, at 9:30 a.m. Central time", "Monday, November 30, at 10 a.m. Central time",
            "Monday, November 30, at 10:30 a.m. Central time"]),
    ("es", ["lunes 30 de noviembre, a las 9:30 de la mañana, hora del Centro",
            "lunes 30 de noviembre, a las 10 de la mañana, hora del Centro",
            "lunes 30 de noviembre, a las 10:30 de la mañana, hora del Centro"]),
])
def test_slots_are_spoken_on_the_filers_clock(line, lang, spoken):
    result = line.run(offer_callback_slots, {"time_zone": CENTRAL}, lang=lang)
    assert [result.vars[f"slot_{i}"] for i in (1, 2, 3)] == spoken
    assert [result.vars[f"slot_{i}_at"] for i in (1, 2, 3)] == [s.isoformat() for s in (FIRST, SECOND, THIRD)]


def test_a_full_slot_is_not_offered(line):
    fill(FIRST, THIRD)(line)
    result = line.run(offer_callback_slots, {"time_zone": CENTRAL})
    assert [result.vars[f"slot_{i}_at"] for i in (1, 2, 3)] == [s.isoformat() for s in (SECOND, FOURTH)] + [
        datetime(2026, 11, 30, 17, 30, tzinfo=UTC).isoformat()]


@pytest.mark.parametrize(("given", "prompt"), [
    ({"digits": "202555"}, "phone_too_short"), ({"digits": "8003755283"}, "phone_toll_free"),
    ({"digits": "9005551234"}, "phone_premium"), ({"digits": "442071234567"}, "phone_invalid"),
])
def test_a_number_we_will_not_call_says_why(line, given, prompt):
    result = line.run(read_callback_number, **given)
    assert ([say.prompt for say in result.says], result.vars) == ([prompt], {"phone_attempts": "1"})


def test_a_number_is_kept_as_dialled_and_read_back_in_groups(line):
    assert line.run(read_callback_number, digits="1 202 555 0143").vars == {
        "phone": "+12025550143", "phone_spoken": "2 0 2, 5 5 5, 0 1 4 3"}


def test_wrong_and_rejected_numbers_count_together(line):
    events = [line.run(read_callback_number, digits="202555").event, line.run(reject_callback_number).event,
              line.run(read_callback_number, digits="202555").event]
    assert events == ["invalid", "again", "too_many"]


@pytest.mark.parametrize(("lang", "chosen"), [
    ("en", "Monday, November 30, at 10 a.m. Central time"),
    ("es", "lunes 30 de noviembre, a las 10 de la mañana, hora del Centro"),
])
def test_a_booking_keeps_who_to_call_where_and_about_what(line, lang, chosen):
    offered(line, lang)
    vars = {"slot": "2", "receipt": CHICAGO, "callback_tier": "tier2", "callback_purpose": "emergency_travel"}
    assert line.run(book_callback, vars, lang=lang).vars == {"chosen_slot": chosen,
                                                             "callback_reference_spoken": "C B, 0 0 0 0, 0 0 0 1"}
    [booking] = line.records.bookings
    assert (booking.booked_by_call, booking.receipt_number, booking.time_zone, booking.phone, booking.lang,
            booking.tier, booking.purpose, booking.scheduled_for) == (
        line.call_sid, CHICAGO, CENTRAL, "+12025550143", lang, "tier2", "emergency_travel", SECOND)


def test_a_booking_without_a_case_asks_for_a_tier1_agent(line):
    offered(line)
    line.run(book_callback, {"receipt": ""})
    [booking] = line.records.bookings
    assert (booking.receipt_number, booking.tier, booking.purpose, booking.scheduled_for) == (
        None, "tier1", "agent", FIRST)


def test_the_last_place_goes_to_one_caller_only(line):
    line.callbacks = CallbackPolicy(capacity=1)
    offered(line)  # both callers hear the same slots, then each chooses the first
    heard = dict(line.vars)
    first = line.run(book_callback, {"slot": "1"})
    line.new_call("CA" + "2" * 32)
    second = line.run(book_callback, {**heard, "slot": "1"})
    assert (first.event, second.event, [say.prompt for say in second.says]) == ("booked", "full", ["slot_taken"])
    assert line.run(offer_callback_slots, {"time_zone": CENTRAL}).vars["slot_1_at"] == SECOND.isoformat()


def test_a_retried_booking_books_once(line):
    offered(line)
    assert [line.run(book_callback).event for _ in range(2)] == ["booked", "booked"]
    assert len(line.records.bookings) == 1 and line.records.callback_places == {FIRST: 1}
