"""The service-request actions: recording a request, reading a number back, following a request up."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ivr.actions import service_requests
from ivr.actions.service_requests import follow_up_request, read_request_number, record_service_request
from ivr.domain.lookups import LookupLimits
from tests.actions.line import Situation, check_situation, situations, tabled_events

OPEN, VAWA, T_VISA = "EAC2190012345", "EAC2190000002", "EAC2190000004"
KEYED = "3222190012345"
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # the line's clock: Monday 10 a.m. Eastern


def made(day, hour=15):
    """An instant of 2026 as (month, day), at `hour` UTC."""
    return datetime(2026, *day, hour, tzinfo=UTC)


@pytest.fixture
def line(line):
    """A line whose records hold a case filed in Vermont and two that must never be read out."""
    line.records.add_case(OPEN, filing="vsc")
    line.records.add_case(VAWA, form="I-360", protected=True)
    line.records.add_case(T_VISA, form="I-914")
    return line


def request_made(on, answered=None, follow_ups=()):
    """A request for OPEN's expedite made `on`, answered or not, and the follow-ups made since."""
    def arrange(line):
        request = line.records.add_request("expedite", OPEN, "vsc", made(on),
                                           answered_at=made(answered) if answered else None)
        for day in follow_ups:
            request = line.records.add_request("follow_up", OPEN, "vsc", made(day), parent=request)
        line.vars["request_reference"] = line.records.requests[0].reference
    return arrange


WITH_RECEIPT = ["request_reference", "receipt", "receipt_spoken"]  # a receipt number given for a reference


def no_lookups_left(line):
    """The call already made every look-up the limits allow."""
    line.limits = LookupLimits(per_call=0)


def request_made_no_lookups_left(line):
    """A request made two weeks ago, on a call that made every look-up the limits allow."""
    request_made((11, 16))(line)
    no_lookups_left(line)


SITUATIONS = [
    *situations(
        record_service_request,
        ("an expedite", Situation("recorded", {"receipt": OPEN}, {"params": {"kind": "expedite"}})),
        ("emergency travel", Situation("recorded", {"receipt": OPEN}, {"params": {"kind": "emergency_travel"}})),
        ("VAWA", Situation("protected", {"receipt": VAWA}, {"params": {"kind": "expedite"}})),
        ("T visa", Situation("protected", {"receipt": T_VISA}, {"params": {"kind": "emergency_travel"}})),
        ("unknown", Situation("not_found", {"receipt": "EAC9999999999"}, {"params": {"kind": "expedite"}})),
        ("the third unknown", Situation("too_many", {"receipt": "EAC9999999999", "receipt_attempts": "2"},
                                        {"params": {"kind": "expedite"}})),
        ("past the limit", Situation("limited", {"receipt": OPEN}, {"params": {"kind": "expedite"}},
                                     arrange=no_lookups_left)),
    ),
    *situations(
        read_request_number,
        ("a reference keyed", Situation("ok", given={"digits": "48150001#"})),
        ("S R keyed too", Situation("ok", given={"digits": "7748150001"})),
        ("a reference said", Situation("ok", given={"speech": "S R 4 8 1 5 0 0 0 1"})),
        ("a reference said in Spanish", Situation("ok", given={
            "speech": "ese erre cuatro ocho uno cinco cero cero cero uno", "lang": "es"})),
        ("a receipt keyed", Situation("ok", given={"digits": KEYED}, sets=WITH_RECEIPT)),
        ("a receipt said", Situation("ok", given={"speech": "E A C 2 1 9 0 0 1 2 3 4 5"}, sets=WITH_RECEIPT)),
        ("too few digits", Situation("invalid", given={"digits": "4815"})),
        ("words", Situation("invalid", given={"speech": "I lost it"})),
        ("the third wrong number", Situation("too_many", {"request_attempts": "2"}, {"digits": "4815"})),
    ),
    *situations(
        follow_up_request,
        ("under 30 days", Situation("due", arrange=request_made((11, 16)))),
        ("30 days unanswered", Situation("escalated", arrange=request_made((10, 15)))),
        ("the secondary unanswered", Situation("escalated", arrange=request_made((9, 1), follow_ups=[(10, 15)]))),
        ("answered", Situation("answered", arrange=request_made((10, 1), answered=(10, 20)))),
        ("the tertiary unanswered", Situation("exhausted", arrange=request_made(
            (8, 1), follow_ups=[(9, 1), (10, 15)]))),
        ("unknown", Situation("not_found", {"request_reference": "SR00000000"})),
        ("the third unknown", Situation("too_many", {"request_reference": "SR00000000", "request_attempts": "2"})),
        ("past the limit", Situation("limited", arrange=request_made_no_lookups_left)),
    ),
]


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", service_requests.ACTIONS, ids=lambda a: a.name)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize(("kind", "lang", "office_to", "routed_to"), [
    ("expedite", "en", "to the Vermont Service Center", "vsc"),
    ("expedite", "es", "al Centro de Servicio de Vermont", "vsc"),
    ("emergency_travel", "en", "to our Immigration Services Officers", "tier2"),
    ("emergency_travel", "es", "a nuestros oficiales de servicios de inmigración", "tier2"),
])
def test_a_request_goes_to_the_office_that_decides_it(line, kind, lang, office_to, routed_to):
    result = line.run(record_service_request, {"receipt": OPEN}, params={"kind": kind}, lang=lang)
    assert result.vars == {"reference": "SR48150001", "reference_spoken": "S R, 4 8 1 5, 0 0 0 1",
                           "office_to": office_to}
    [request] = line.records.requests
    assert (request.kind, request.receipt_number, request.routed_to, request.level, request.created_at) == (
        kind, OPEN, routed_to, "primary", NOW)


def test_a_retried_request_is_recorded_once(line):
    references = {line.run(record_service_request, {"receipt": OPEN}, params={"kind": "expedite"}).vars["reference"]
                  for _ in range(2)}
    assert (references, len(line.records.requests)) == ({"SR48150001"}, 1)


@pytest.mark.parametrize("receipt", [VAWA, T_VISA])
def test_no_request_is_recorded_for_a_protected_case(line, receipt):
    result = line.run(record_service_request, {"receipt": receipt}, params={"kind": "expedite"})
    assert (result.vars, result.says, line.records.requests) == ({"protected": "1"}, (), [])


def test_a_receipt_number_given_is_kept_as_the_calls_receipt(line):
    assert line.run(read_request_number, digits=KEYED).vars == {
        "request_reference": "", "receipt": OPEN, "receipt_spoken": "E A C, 2 1 9, 0 0 1, 2 3 4 5"}


def test_wrong_numbers_and_unknown_requests_count_together(line):
    results = [line.run(read_request_number, digits="4815"),
               line.run(follow_up_request, {"request_reference": "SR00000000"}),
               line.run(read_request_number, digits="4815")]
    assert [r.event for r in results] == ["invalid", "not_found", "too_many"]
    assert [[say.prompt for say in r.says] for r in results] == [
        ["request_number_invalid"], ["request_not_found"], ["request_number_invalid"]]


@pytest.mark.parametrize(("lang", "made_on", "due_date"), [
    ("en", "November 16, 2026", "December 16, 2026"),
    ("es", "16 de noviembre de 2026", "16 de diciembre de 2026"),
])
def test_a_request_under_30_days_old_says_when_an_answer_is_due(line, lang, made_on, due_date):
    request_made((11, 16))(line)
    assert line.run(follow_up_request, lang=lang).vars == {
        "reference": "SR48150001", "reference_spoken": "S R, 4 8 1 5, 0 0 0 1", "made_on": made_on,
        "due_date": due_date}


@pytest.mark.parametrize(("lang", "level_name", "office_to"), [
    ("en", "secondary", "to the Vermont Service Center"), ("es", "secundaria", "al Centro de Servicio de Vermont")])
def test_an_unanswered_request_is_followed_up_by_a_secondary_one(line, lang, level_name, office_to):
    request_made((10, 15))(line)
    result = line.run(follow_up_request, lang=lang)
    assert result.vars == {"reference": "SR48150002", "reference_spoken": "S R, 4 8 1 5, 0 0 0 2",
                           "level_name": level_name, "office_to": office_to}
    primary, secondary = line.records.requests
    assert (secondary.kind, secondary.level, secondary.parent_id, secondary.routed_to, secondary.created_at) == (
        "follow_up", "secondary", primary.id, "vsc", NOW)


@pytest.mark.parametrize(("lang", "level_name"), [("en", "tertiary"), ("es", "terciaria")])
def test_an_unanswered_secondary_is_followed_up_by_a_tertiary_one(line, lang, level_name):
    request_made((9, 1), follow_ups=[(10, 15)])(line)
    assert line.run(follow_up_request, lang=lang).vars["level_name"] == level_name
    assert [(r.level, r.parent_id) for r in line.records.requests] == [
        ("primary", None), ("secondary", 1), ("tertiary", 2)]


def test_following_up_twice_creates_one_follow_up(line):
    request_made((10, 15))(line)
    first = line.run(follow_up_request)
    line.new_call("CA" + "2" * 32, {"request_reference": "SR48150001"})
    second = line.run(follow_up_request)
    assert (first.event, second.event, len(line.records.requests)) == ("escalated", "due", 2)
    assert second.vars["made_on"] == "November 30, 2026"


@pytest.mark.parametrize(("lang", "answered_on"), [("en", "October 20, 2026"), ("es", "20 de octubre de 2026")])
def test_an_answered_request_says_when(line, lang, answered_on):
    request_made((10, 1), answered=(10, 20), follow_ups=[])(line)
    result = line.run(follow_up_request, lang=lang)
    assert (result.vars["answered_on"], len(line.records.requests)) == (answered_on, 1)


def test_an_unanswered_tertiary_is_not_followed_up_again(line):
    request_made((8, 1), follow_ups=[(9, 1), (10, 15)])(line)
    result = line.run(follow_up_request)
    assert (result.vars["reference"], len(line.records.requests)) == ("SR48150003", 3)


def test_days_are_counted_on_the_contact_centers_clock(line):
    # 3 a.m. UTC on November 1 is still October 31 in Eastern time: 30 days later is today.
    line.records.add_request("expedite", OPEN, "vsc", datetime(2026, 11, 1, 3, tzinfo=UTC))
    result = line.run(follow_up_request, {"receipt": OPEN})
    assert result.event == "escalated"


def test_a_receipt_number_finds_its_latest_request(line):
    line.records.add_request("emergency_travel", OPEN, "tier2", made((10, 1)))
    line.records.add_request("expedite", OPEN, "vsc", made((11, 16)))
    result = line.run(follow_up_request, {"request_reference": "", "receipt": OPEN})
    assert (result.event, result.vars["reference"]) == ("due", "SR48150002")


def test_a_reference_given_wins_over_the_calls_receipt(line):
    line.records.add_request("emergency_travel", OPEN, "tier2", made((10, 1)))
    line.records.add_request("expedite", OPEN, "vsc", made((11, 16)))
    result = line.run(follow_up_request, {"request_reference": "SR48150001", "receipt": OPEN})
    assert (result.event, result.vars["office_to"]) == ("escalated", "to our Immigration Services Officers")


def test_the_day_a_request_was_made_is_the_contact_centers_day(line):
    line.records.add_request("expedite", OPEN, "vsc", datetime(2026, 11, 16, 3, tzinfo=UTC))  # 10 p.m. on the 15th
    assert line.run(follow_up_request, {"receipt": OPEN}).vars["made_on"] == "November 15, 2026"
