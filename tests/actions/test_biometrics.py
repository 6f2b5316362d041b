"""The biometrics actions: the appointment, the times offered at its ASC, the move, the expedite request."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from ivr.actions import biometrics
from ivr.actions.biometrics import (
    find_appointment,
    move_appointment,
    offer_appointment_slots,
    pick_appointment_slot,
    record_biometrics_expedite,
)
from ivr.domain.biometrics import COMPLETED, MISSED, Appointment
from ivr.domain.lookups import LookupLimits
from tests.actions.line import OPEN_HOURS, Situation, check_situation, situations, tabled_events

ASC = "asc_chicago"
AT = datetime(2026, 12, 8, 15, 0, tzinfo=UTC)  # Tuesday, 9 a.m. in Chicago
MOVABLE, TOMORROW, SOON, PASSED, MISSED_ONE, DONE, TWICE, PROTECTED, NO_APPOINTMENT = (
    f"IOE09000000{n:02d}" for n in range(1, 10))
# Open times at the ASC, earliest first: Wednesday 9 a.m., Thursday 10:30 a.m., Friday 2 p.m., next Monday 9 a.m.
OPEN = (datetime(2026, 12, 2, 15, 0, tzinfo=UTC), datetime(2026, 12, 3, 16, 30, tzinfo=UTC),
        datetime(2026, 12, 4, 20, 0, tzinfo=UTC), datetime(2026, 12, 7, 15, 0, tzinfo=UTC))
TONIGHT = datetime(2026, 11, 30, 23, 0, tzinfo=UTC)  # open, but within the 12 hours' notice


@pytest.fixture
def line(line):
    """A line whose records hold appointments in each state a caller may find, and open ASC times."""
    records = line.records
    for start in (*OPEN, TONIGHT):
        records.add_slot(ASC, start, capacity=2)
    records.add_slot(ASC, AT, capacity=5)
    records.add_slot("asc_miami", OPEN[0], capacity=2)  # another ASC's times are never offered
    appointments = {MOVABLE: AT, TOMORROW: OPEN_HOURS + timedelta(hours=24), SOON: OPEN_HOURS + timedelta(hours=6),
                    PASSED: OPEN_HOURS - timedelta(days=3), MISSED_ONE: AT, DONE: AT, TWICE: AT, PROTECTED: AT}
    for receipt, start in appointments.items():
        records.add_case(receipt, form="I-918" if receipt == PROTECTED else "I-485", filing="nbc")
        status = {MISSED_ONE: MISSED, DONE: COMPLETED}.get(receipt, "scheduled")
        records.add_appointment(Appointment(receipt, ASC, start, 2 if receipt == TWICE else 0, status))
    records.add_case(NO_APPOINTMENT, filing="nbc")
    return line


def heard(receipt=MOVABLE, lang="en"):
    """The caller heard the appointment of `receipt`."""
    return lambda line: line.run(find_appointment, {"receipt": receipt}, lang=lang)


def offered(receipt=MOVABLE, lang="en"):
    """The caller heard the appointment and the times offered instead."""
    def arrange(line):
        heard(receipt, lang)(line)
        line.run(offer_appointment_slots, lang=lang)
    return arrange


def chose(key="2", receipt=MOVABLE, lang="en"):
    """The caller chose one of the times offered, by key."""
    def arrange(line):
        offered(receipt, lang)(line)
        line.run(pick_appointment_slot, {"new_time": key}, lang=lang)
    return arrange


def leave_open(count):
    """Other callers took every place but those of the first `count` open times."""
    def arrange(line):
        for start in OPEN[count:]:
            line.records.slots[ASC, start].booked = 2
        heard()(line)
    return arrange


def used_up_lookups(line):
    """The caller's number already made every look-up the limits allow."""
    line.limits = LookupLimits(per_call=0)


def another_caller_took_it(line):
    """After the caller chose the second time, another caller took its last place."""
    chose("2")(line)
    line.records.slots[ASC, OPEN[1]].booked = 2


def an_agent_moved_it(line):
    """While the caller chose, an agent moved the appointment."""
    chose("2")(line)
    line.records.appointments[MOVABLE] = replace(line.records.appointments[MOVABLE], reschedule_count=1)


def the_notice_ran_out(line):
    """The caller took so long that the appointment tomorrow is now under 12 hours away."""
    chose("1", TOMORROW)(line)
    line.later(hours=12, minutes=1)


SITUATIONS = [
    *situations(
        find_appointment,
        ("movable", Situation("reschedulable", {"receipt": MOVABLE})),
        ("missed", Situation("missed", {"receipt": MISSED_ONE})),
        ("completed", Situation("completed", {"receipt": DONE})),
        ("its day passed", Situation("passed", {"receipt": PASSED})),
        ("under 12 hours away", Situation("too_soon", {"receipt": SOON})),
        ("moved twice already", Situation("rescheduled_twice", {"receipt": TWICE})),
        ("a U-visa case", Situation("protected", {"receipt": PROTECTED})),
        ("a case with no appointment", Situation("none", {"receipt": NO_APPOINTMENT})),
        ("an unknown number", Situation("none", {"receipt": "IOE0999999999"})),
        ("past the limit", Situation("limited", {"receipt": MOVABLE}, arrange=used_up_lookups)),
    ),
    *situations(
        offer_appointment_slots,
        *((f"{n} open", Situation(biometrics.EVENT_FOR_COUNT[n], arrange=leave_open(n))) for n in range(4)),
    ),
    *situations(
        pick_appointment_slot,
        ("the second time", Situation("ok", {"new_time": "2"}, arrange=offered())),
        ("no key kept: the only time", Situation("ok", arrange=offered())),
    ),
    *situations(
        move_appointment,
        ("a free place", Situation("moved", arrange=chose("2"))),
        ("its last place taken", Situation("taken", arrange=another_caller_took_it)),
        ("moved by an agent meanwhile", Situation("changed", arrange=an_agent_moved_it)),
        ("12 hours away by now", Situation("changed", arrange=the_notice_ran_out)),
    ),
    *situations(record_biometrics_expedite, ("a confirmed receipt", Situation("recorded", {"receipt": MOVABLE}))),
]


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", biometrics.ACTIONS, ids=lambda a: a.name)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize(("lang", "spoken", "asc_name", "state"), [
    ("en", "Tuesday, December 8, at 9 a.m. Central time", "the Chicago Application Support Center", "Illinois"),
    ("es", "martes 8 de diciembre, a las 9 de la mañana, hora del Centro",
     "el Centro de Asistencia en Solicitudes de Chicago", "Illinois"),
])
def test_the_appointment_is_spoken_in_the_ascs_zone(line, lang, spoken, asc_name, state):
    assert line.run(find_appointment, {"receipt": MOVABLE}, lang=lang).vars == {
        "appointment_spoken": spoken, "asc_name": asc_name,
        "asc_address": f"101 West Congress Parkway, Chicago, {state} 60605", "asc_id": ASC,
        "appointment_at": AT.isoformat(), "appointment_count": "0"}


def test_a_protected_case_names_no_appointment(line):
    result = line.run(find_appointment, {"receipt": PROTECTED})
    assert (result.vars, result.says) == ({"protected": "1"}, ())  # a flag for the agents' hand-over


@pytest.mark.parametrize(("lang", "times"), [
    ("en", ["Wednesday, December 2, at 9 a.m. Central time", "Thursday, December 3, at 10:30 a.m. Central time",
            "Friday, December 4, at 2 p.m. Central time"]),
    ("es", ["miércoles 2 de diciembre, a las 9 de la mañana, hora del Centro",
            "jueves 3 de diciembre, a las 10:30 de la mañana, hora del Centro",
            "viernes 4 de diciembre, a las 2 de la tarde, hora del Centro"]),
])
def test_three_times_are_offered_after_the_notice_and_not_the_appointments_own(line, lang, times):
    heard(lang=lang)(line)
    result = line.run(offer_appointment_slots, lang=lang)
    assert [result.vars[f"new_time_{i}"] for i in (1, 2, 3)] == times
    assert [result.vars[f"new_time_{i}_at"] for i in (1, 2, 3)] == [start.isoformat() for start in OPEN[:3]]


def test_the_chosen_time_is_kept_for_the_read_back_and_the_move(line):
    chose("3")(line)
    assert (line.vars["chosen_time"], line.vars["chosen_at"]) == (
        "Friday, December 4, at 2 p.m. Central time", OPEN[2].isoformat())


@pytest.mark.parametrize(("lang", "spoken"), [
    ("en", "Thursday, December 3, at 10:30 a.m. Central time"),
    ("es", "jueves 3 de diciembre, a las 10:30 de la mañana, hora del Centro"),
])
def test_a_move_takes_a_place_gives_one_back_and_counts(line, lang, spoken):
    chose("2", lang=lang)(line)
    places = line.records.slots[ASC, OPEN[1]], line.records.slots[ASC, AT]
    before = [p.booked for p in places]
    assert line.run(move_appointment, lang=lang).vars == {
        "appointment_spoken": spoken, "appointment_at": OPEN[1].isoformat(), "appointment_count": "1"}
    assert line.records.appointments[MOVABLE] == Appointment(MOVABLE, ASC, OPEN[1], 1)
    assert [p.booked for p in places] == [before[0] + 1, before[1] - 1]


def test_a_taken_time_is_said_and_nothing_moves(line):
    another_caller_took_it(line)
    result = line.run(move_appointment)
    assert [say.prompt for say in result.says] == ["slot_taken"]
    assert line.records.appointments[MOVABLE].starts_at == AT


def test_two_callers_after_the_last_place_one_gets_it(line):
    line.records.slots[ASC, OPEN[1]].booked = 1
    first, second = "CA" + "1" * 32, "CA" + "2" * 32
    line.new_call(first)
    chose("2", TOMORROW)(line)
    first_heard = dict(line.vars)
    line.new_call(second)
    chose("2")(line)  # both callers were offered the same time, with one place left
    second_heard = dict(line.vars)
    line.new_call(first, first_heard)
    moved = line.run(move_appointment).event
    line.new_call(second, second_heard)
    assert (moved, line.run(move_appointment).event) == ("moved", "taken")


def test_a_third_move_by_phone_is_refused(line):
    for call in range(2):
        line.new_call(f"CA{call:032d}")
        chose("1")(line)
        assert line.run(move_appointment).event == "moved"
    line.new_call("CA" + "9" * 32)
    assert line.run(find_appointment, {"receipt": MOVABLE}).event == "rescheduled_twice"


def test_an_expedite_request_goes_to_officers_once_per_call(line):
    results = [line.run(record_biometrics_expedite, {"receipt": MOVABLE}) for _ in range(2)]
    assert [r.vars for r in results] == [{"reference": "SR48150001", "reference_spoken": "S R, 4 8 1 5, 0 0 0 1"}] * 2
    [request] = line.records.requests
    assert (request.kind, request.receipt_number, request.routed_to, request.level) == (
        "expedite_biometrics", MOVABLE, "tier2", "primary")
