"""A copy of the shipped flows that breaks the contract with the code in one place is refused twice:
by the app at start-up (FlowError with file:line and node) and by the linter (exit 1, its rule there)."""

from __future__ import annotations

import pytest

from ivr.flows.loader import FlowError
from ivr.lint.main import run
from tests.flows.shipped import broken_copy, line_in

SORRY_NO_MATCH = '''  sorry_no_match:
    en: "Sorry, I did not understand that."
    es: "Disculpe, no entendí su respuesta."
'''
CASE_NOT_FOUND = '''  case_not_found:
    en: "We could not find a case with that receipt number."
    es: "No pudimos encontrar un caso con ese número de recibo."
'''
TO_CASE_STATUS = "goto: case_status.ask\n        set: {receipt_for: case_status}"

# (file, text, its replacement; the file, the text on the line and the node refused; rule; reason)
CASES = [
    ("common.yaml", "on: {open: tier3_transfer, closed: agents_closed}",
     "on: {open: tier3_transfer, closed: agents_closed, shut: agents_closed}",
     "common.yaml", "shut: agents_closed", "senior_officer_hours", "IVR016",
     "on: wires 'shut', which action 'agents_open' never returns"),
    ("case_status.yaml", ", too_many: too_many, limited: limited}", ", too_many: too_many}",
     "case_status.yaml", "on: {found: status", "look_up", "IVR016",
     "action 'look_up_case' can return 'limited', which on: does not wire"),
    ("case_status.yaml", 'en: "Form {form}. {status_text}', 'en: "Form {form} {nickname}. {status_text}',
     "case_status.yaml", "prompt: case_status", "status", "IVR020",
     "prompt 'case_status' uses {nickname}, which is not set on every way here (not on main.opening -> "),
    ("common.yaml", SORRY_NO_MATCH, "", "common.yaml", "line:", None, "IVR019",
     "prompt 'sorry_no_match' is not defined, and the engine or the web shell speaks it"),
    ("case_status.yaml", CASE_NOT_FOUND, "", "case_status.yaml", "action: look_up_case", "look_up", "IVR019",
     "prompt 'case_not_found' is not defined, and action 'look_up_case' speaks it"),
    ("requests.yaml", "with: {kind: expedite}", "with: {knid: expedite}",
     "requests.yaml", "with: {knid: expedite}", "record_expedite", "IVR021",
     "with: gives 'knid', which action 'record_service_request' does not take (it takes: kind)"),
    ("main.yaml", TO_CASE_STATUS, TO_CASE_STATUS.replace("case_status.ask", "case_status.look_up"),
     "case_status.yaml", "action: look_up_case", "look_up", "IVR022",
     "action 'look_up_case' requires 'receipt', which is not set on every way here "
     "(not on main.opening -> main.welcome -> main.notes -> main.main_menu -> case_status.look_up)"),
    ("common.yaml", 'You are number {position} in line."', 'You are number {position} in line {queue}."',
     "common.yaml", "  hold:", None, "IVR020",
     "prompt 'hold' uses {queue}, but the code that speaks it fills only {position}"),
]
IDS = ["an event no action returns", "a declared event unwired", "a placeholder no path sets",
       "a prompt the engine speaks deleted", "a prompt an action speaks deleted", "a with: key misspelt",
       "a required variable unset", "a placeholder the code does not fill"]
FIELDS = ("file", "old", "new", "where", "at", "node", "rule", "reason")


def refused_at(copy, where: str, at: str) -> str:
    """`file:line` of the line in the broken copy that holds `at`."""
    return f"{copy / where}:{line_in(copy / where, at)}"


@pytest.mark.parametrize(FIELDS, CASES, ids=IDS)
def test_the_app_refuses_to_start(tmp_path, make_app, file, old, new, where, at, node, rule, reason):
    (tmp_path / "flows").mkdir()  # apart from the app's database and instance folder
    copy = broken_copy(tmp_path / "flows", file, old, new)
    with pytest.raises(FlowError) as refused:
        make_app(FLOWS_DIR=str(copy), DEMO_DATA="0")
    assert str(refused.value).startswith(refused_at(copy, where, at) + (f": node '{node}': " if node else ": "))
    assert refused.value.node == node and reason in refused.value.message


@pytest.mark.parametrize(FIELDS, CASES, ids=IDS)
def test_the_linter_reports_the_rule_at_the_same_line(tmp_path, capsys, file, old, new, where, at, node, rule,
                                                      reason):
    copy = broken_copy(tmp_path, file, old, new)
    assert run([str(copy)]) == 1
    problem = f"{refused_at(copy, where, at)}: {rule} " + (f"node '{node}': " if node else "") + reason
    assert problem in capsys.readouterr().out
