"""The linter reads this checkout's names from the actions' contracts and the settings table."""

from __future__ import annotations

from ivr.actions.registry import CONTRACTS, HINTS
from ivr.domain.contact_center import TIERS
from ivr.lint.project import project_names


def test_project_names_are_the_actions_tiers_and_hints_the_app_runs():
    names = project_names()
    assert set(names.action_events) == set(CONTRACTS)
    assert names.action_events["look_up_case"] == set(CONTRACTS["look_up_case"].events)
    assert names.tiers == set(TIERS) and names.hints == set(HINTS)
    assert names.counting_actions == {name for name, c in CONTRACTS.items() if c.counted}
    assert "read_receipt" in names.counting_actions and "agents_open" not in names.counting_actions
