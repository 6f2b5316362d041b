"""What an agent is handed: language, tier, reason, confirmed receipt, callback; protected only to Tier 3."""

from __future__ import annotations

import pytest

from ivr.flows.handover import handover
from ivr.flows.state import CallState

KNOWN = {"menu_path": "case status > agent", "receipt": "EAC2190012345", "receipt_confirmed": "EAC2190012345"}


def test_a_call_hands_over_what_it_knows():
    state = CallState(lang="es", vars=dict(KNOWN))
    assert handover(state, "tier1") == {"language": "es", "tier": "tier1", "reason": "case status > agent",
                                        "receipt": "EAC2190012345"}


def test_a_receipt_keyed_but_never_confirmed_is_not_handed_over():
    state = CallState(vars={"menu_path": "case status", "receipt": "EAC2190099999",
                            "receipt_confirmed": "EAC2190012345"})
    assert handover(state, "tier1")["receipt"] == "EAC2190012345"
    assert "receipt" not in handover(CallState(vars={"receipt": "EAC2190099999"}), "tier1")


def test_before_the_choice_the_language_is_not_guessed():
    assert handover(CallState(lang_chosen=False), "tier1") == {"language": "not chosen", "tier": "tier1"}


def test_a_callback_call_says_what_was_booked_and_for_which_case():
    state = CallState(vars={"callback_tier": "tier2", "callback_purpose": "emergency_travel",
                            "receipt": "EAC2190012345", "callback_booked": "emergency_travel"})
    assert handover(state, "tier2") == {"language": "en", "tier": "tier2", "receipt": "EAC2190012345",
                                        "callback": "emergency_travel"}


@pytest.mark.parametrize("protected", [{"protected": "1"}, {"callback_tier": "tier3", "callback_booked": "agent"}])
def test_protected_details_reach_only_senior_officers(protected):
    state = CallState(vars={**KNOWN, **protected})
    assert handover(state, "tier1") == {"language": "en", "tier": "tier1"}  # not even that it is protected
    senior = handover(state, "tier3")
    assert senior["receipt"] == "EAC2190012345" and senior["protected"] == "yes"


def test_a_long_way_round_is_told_by_its_last_choices():
    path = " > ".join(["main menu"] * 20 + ["case status", "agent"])
    reason = handover(CallState(vars={"menu_path": path}), "tier1")["reason"]
    assert reason == "... > main menu > main menu > main menu > case status > agent"
