"""What a call starts with, by entry: declared once, built by the web shell through `entry_vars`."""

from __future__ import annotations

import pytest

from ivr.actions.registry import KNOWN
from ivr.flows.contracts import ContractViolation
from ivr.flows.flowset import load_flowset
from ivr.flows.state import ENTRY_VARS, entry_vars
from tests.flows.shipped import SHIPPED


@pytest.mark.parametrize(("entry", "values"), [
    (None, {}),
    ("tty", {"keypad_only": "1"}),
    ("callback", {"callback_tier": "tier2", "callback_purpose": "agent", "receipt": "", "callback_booked": "agent"}),
])
def test_a_call_starts_with_exactly_the_declared_variables(entry, values):
    assert entry_vars(entry, values) == values and set(values) == ENTRY_VARS[entry]


@pytest.mark.parametrize(("entry", "values"), [
    (None, {"keypad_only": "1"}),
    ("tty", {}),
    ("callback", {"callback_tier": "tier2", "receipt": ""}),
])
def test_a_call_starting_with_other_variables_breaks_the_contract(entry, values):
    with pytest.raises(ContractViolation, match="must start with"):
        entry_vars(entry, values)


def test_every_declared_entry_is_one_of_the_shipped_line():
    entries = load_flowset(SHIPPED, KNOWN).entries
    assert set(ENTRY_VARS) == {None, *entries}
