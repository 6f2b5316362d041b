"""Where a callback's caller is: the filing's geography, else the ZIP code they key."""

from __future__ import annotations

import pytest

from ivr.actions import callback_zones
from ivr.actions.callback_zones import callback_zone, read_zip, reject_zip
from ivr.domain.lookups import LookupLimits
from tests.actions.line import Situation, check_situation, situations, tabled_events

CHICAGO, HONOLULU, VERMONT, NBC, NOWHERE = ("LIN2190012345", "EAC2190101010", "EAC2190012345", "IOE0912345678",
                                            "MSC2190012345")


@pytest.fixture
def line(line):
    """Cases at a Chicago field office, at a service center filed from Honolulu, at service centers
    with no ZIP code, and at no known office."""
    line.records.add_case(CHICAGO, form="I-485", filing="fo_chicago")
    line.records.add_case(HONOLULU, filing="vsc", filing_zip="96813")
    line.records.add_case(VERMONT, filing="vsc")
    line.records.add_case(NBC, filing="nbc")
    line.records.add_case(NOWHERE, filing="closed_office")
    return line


def no_lookups_left(line):
    """The call already made every look-up the limits allow."""
    line.limits = LookupLimits(per_call=0)


SITUATIONS = [
    *situations(
        callback_zone,
        ("a case at the Chicago field office", Situation("case", {"receipt": CHICAGO})),
        ("a service-center case filed from Honolulu", Situation("case", {"receipt": HONOLULU})),
        ("no receipt number", Situation("no_case")),
        ("no receipt number given", Situation("no_case", {"receipt": ""})),
        ("a service-center case with no ZIP code", Situation("ask", {"receipt": VERMONT})),
        ("an NBC case with no ZIP code", Situation("ask", {"receipt": NBC})),
        ("an unknown number", Situation("ask", {"receipt": "LIN9999999999"})),
        ("a case at no known office", Situation("ask", {"receipt": NOWHERE})),
        ("past the look-up limit", Situation("ask", {"receipt": CHICAGO}, arrange=no_lookups_left)),
    ),
    *situations(
        read_zip,
        ("a Phoenix ZIP code", Situation("ok", given={"digits": "85004"})),
        ("a military ZIP code", Situation("no_zone", given={"digits": "09012"})),
        ("a ZIP code no one has", Situation("invalid", given={"digits": "99999"})),
        ("cut short", Situation("invalid", given={"digits": "850"})),
        ("the third wrong one", Situation("too_many", {"zip_attempts": "2"}, {"digits": "00000"})),
    ),
    *situations(
        reject_zip,
        ("first time", Situation("again")),
        ("the third time", Situation("too_many", {"zip_attempts": "2"})),
    ),
]


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", callback_zones.ACTIONS, ids=lambda a: a.name)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize(("receipt", "zone"), [(CHICAGO, "America/Chicago"), (HONOLULU, "Pacific/Honolulu")])
def test_the_zone_is_the_filers(line, receipt, zone):
    assert line.run(callback_zone, {"receipt": receipt}).vars == {"time_zone": zone}


def test_an_unknown_receipt_sounds_exactly_like_a_case_without_a_zone_and_is_counted(line):
    unknown = line.run(callback_zone, {"receipt": "LIN9999999999"})
    no_zone = line.run(callback_zone, {"receipt": VERMONT})
    assert (unknown.event, unknown.says, unknown.vars) == (no_zone.event, no_zone.says, no_zone.vars) == ("ask", (), {})
    assert len(line.records.lookups) == 2


@pytest.mark.parametrize(("lang", "digits", "spoken"), [
    ("en", "85004", {"zip_spoken": "8 5 0 0 4", "time_zone": "America/Phoenix", "zone_name": "Arizona time"}),
    ("es", "85004", {"zip_spoken": "8 5 0 0 4", "time_zone": "America/Phoenix", "zone_name": "hora de Arizona"}),
    ("en", "96910", {"zip_spoken": "9 6 9 1 0", "time_zone": "Pacific/Guam", "zone_name": "Guam time"}),
    ("es", "96910", {"zip_spoken": "9 6 9 1 0", "time_zone": "Pacific/Guam", "zone_name": "hora de Guam"}),
])
def test_a_keyed_zip_code_gives_its_zone_named_as_people_say_it(line, lang, digits, spoken):
    assert line.run(read_zip, lang=lang, digits=digits).vars == spoken


@pytest.mark.parametrize(("digits", "prompt"), [("99999", "zip_not_us"), ("8500", "zip_wrong_length"),
                                                ("09012", "zip_no_zone")])
def test_a_refused_zip_code_says_why(line, digits, prompt):
    assert [say.prompt for say in line.run(read_zip, digits=digits).says] == [prompt]
