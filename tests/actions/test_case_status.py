"""The case-status actions: reading a receipt number, the read-back, the look-up and where it leads."""

from __future__ import annotations

import pytest

from ivr.actions import case_status
from ivr.actions.case_status import look_up_case, read_receipt, reject_read_back, route_receipt
from ivr.domain.lookups import LookupLimits
from tests.actions.line import Situation, check_situation, situations, tabled_events

OPEN = "EAC2190012345"
KEYED = "3222190012345"  # E A C on the keys that carry them, then the ten digits
VAWA, U_VISA, T_VISA, RELIGIOUS_WORKER = "EAC2190000002", "EAC2190000003", "EAC2190000004", "EAC2190000005"


@pytest.fixture
def line(line):
    """A line whose records hold an open case and cases that must never be read out."""
    line.records.add_case(OPEN)
    line.records.add_case(VAWA, form="I-360", protected=True)  # a VAWA self-petition, flagged
    line.records.add_case(U_VISA, form="I-918")  # protected by its form, whatever the record says
    line.records.add_case(T_VISA, form="I-914")
    line.records.add_case(RELIGIOUS_WORKER, form="I-360")  # an I-360 not flagged: spoken like any other
    return line


def used_up_lookups(line):
    """The call already made every look-up the limits allow."""
    for _ in range(line.limits.per_call):
        assert line.records.allow_lookup(line.limits, line.call_sid, "+13125550100", line.now)


SITUATIONS = [
    *situations(
        read_receipt,
        ("keyed", Situation("ok", given={"digits": KEYED + "#"})),
        ("said in English", Situation("ok", given={"speech": "E A C 2 1 9 0 0 1 2 3 4 5"})),
        ("said in Spanish", Situation("ok", given={"speech": "e a ce dos uno nueve cero cero uno dos tres cuatro cinco",
                                                    "lang": "es"})),
        ("too few keys", Situation("invalid", given={"digits": "322219"})),
        ("words, not a number", Situation("unclear", given={"speech": "I don't know"})),
        ("the third wrong number", Situation("too_many", {"receipt_attempts": "2"}, {"digits": "322219"})),
    ),
    *situations(
        reject_read_back,
        ("first time", Situation("again")),
        ("the third time", Situation("too_many", {"receipt_attempts": "2"})),
    ),
    *situations(
        look_up_case,
        ("an open case", Situation("found", {"receipt": OPEN})),
        ("an unflagged I-360", Situation("found", {"receipt": RELIGIOUS_WORKER})),
        ("VAWA", Situation("protected", {"receipt": VAWA})),
        ("U visa", Situation("protected", {"receipt": U_VISA})),
        ("T visa", Situation("protected", {"receipt": T_VISA})),
        ("unknown", Situation("not_found", {"receipt": "EAC9999999999"})),
        ("the third unknown", Situation("too_many", {"receipt": "EAC9999999999", "receipt_attempts": "2"})),
        ("past the limit", Situation("limited", {"receipt": OPEN}, arrange=used_up_lookups)),
    ),
    *situations(
        route_receipt,
        *((purpose, Situation(purpose, {"receipt_for": purpose, "receipt": OPEN}))
          for purpose in case_status.RECEIPT_PURPOSES),
        ("no purpose given", Situation("case_status", {"receipt": OPEN})),
    ),
]


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", case_status.ACTIONS, ids=lambda a: a.name)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize("given", [{"digits": KEYED}, {"speech": "EAC 219 001 2345"}])
def test_a_receipt_number_is_kept_canonical_and_read_back_in_groups(line, given):
    result = line.run(read_receipt, **given)
    assert result.vars == {"receipt": OPEN, "receipt_spoken": "E A C, 2 1 9, 0 0 1, 2 3 4 5"}


@pytest.mark.parametrize(("given", "prompt"), [
    ({"digits": "322219"}, "receipt_wrong_length"),
    ({"digits": "1112190012345"}, "receipt_not_a_receipt"),
    ({"speech": "A B C 2 1 9 0 0 1 2 3 4 5"}, "receipt_unknown_prefix"),
    ({"speech": "E A C 2 1 9 0 0 B 2 3 4 5"}, "receipt_letters_in_digits"),
])
def test_a_wrong_number_says_what_is_wrong_with_it(line, given, prompt):
    assert [say.prompt for say in line.run(read_receipt, **given).says] == [prompt]


def test_the_third_failed_attempt_is_too_many(line):
    assert line.events(read_receipt, 3, digits="322219") == ["invalid", "invalid", "too_many"]
    assert line.vars["receipt_attempts"] == "3"


def test_wrong_numbers_and_rejected_read_backs_count_together(line):
    events = [line.run(read_receipt, digits="322219").event, line.run(reject_read_back).event,
              line.run(look_up_case, {"receipt": "EAC9999999999"}).event]
    assert events == ["invalid", "again", "too_many"]


@pytest.mark.parametrize(("lang", "status_text", "status_date"), [
    ("en", "We are actively reviewing your case.", "November 2, 2026"),
    ("es", "Estamos revisando activamente su caso.", "2 de noviembre de 2026"),
])
def test_a_found_case_is_spoken_in_the_callers_language(line, lang, status_text, status_date):
    result = line.run(look_up_case, {"receipt": OPEN}, lang=lang)
    assert result.vars == {"form": "I-130", "status_text": status_text, "status_date": status_date}


@pytest.mark.parametrize("receipt", [VAWA, U_VISA, T_VISA])
def test_a_protected_case_is_never_read_out(line, receipt):
    result = line.run(look_up_case, {"receipt": receipt})
    assert (result.event, result.vars, result.says) == ("protected", {"protected": "1"}, ())


def test_an_unknown_number_says_nothing_of_which_numbers_exist(line):
    result = line.run(look_up_case, {"receipt": "EAC9999999999"})
    assert [say.prompt for say in result.says] == ["case_not_found"]
    assert "form" not in result.vars


def test_look_ups_are_limited_per_call(line):
    line.limits = LookupLimits(per_call=2, per_caller=10)
    assert line.events(look_up_case, 3, vars={"receipt": OPEN}) == ["found", "found", "limited"]


def test_look_ups_are_limited_per_caller_across_calls(line):
    line.limits = LookupLimits(per_call=5, per_caller=3)
    events = []
    for call in range(4):
        line.new_call(f"CA{call:032d}")
        events.append(line.run(look_up_case, {"receipt": OPEN}).event)
    assert events == ["found", "found", "found", "limited"]


def test_withheld_numbers_share_one_budget_across_calls(line):
    line.limits = LookupLimits(per_call=5, per_caller=1, withheld=2)
    events = []
    for call, withheld in enumerate(["anonymous", "", "+266696687"]):
        line.new_call(f"CA{call:032d}")
        events.append(line.run(look_up_case, {"receipt": OPEN}, caller=withheld).event)
    assert events == ["found", "found", "limited"]
