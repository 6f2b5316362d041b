"""The scenario step `expect_handover`: what the agent of the last transfer was handed, for each target kind."""

from __future__ import annotations

import pytest

from ivr.harness.expect import handover_problem
from ivr.harness.scenario import ScenarioError, parse_scenario

CONTEXT = {"language": "es", "tier": "tier1", "reason": "case status > agent", "receipt": "EAC2190012345"}
WHISPER = ("Transferred caller. Language: es. Tier: tier1. Reason: case status > agent. "
           "Receipt: E A C 2 1 9 0 0 1 2 3 4 5.")


@pytest.mark.parametrize("kind", ["queue", "sip"])
def test_a_queue_or_sip_agent_is_handed_exactly_the_context(kind):
    assert handover_problem(CONTEXT, kind, dict(CONTEXT), "", WHISPER) is None
    more = handover_problem(CONTEXT, kind, {**CONTEXT, "protected": "yes"}, "", WHISPER)
    assert more is not None and "'protected': 'yes'" in more  # a detail too many fails too
    assert handover_problem(CONTEXT, kind, {"language": "es", "tier": "tier1"}, "", WHISPER) is not None


def test_a_phone_agent_hears_the_context_in_the_whisper():
    assert handover_problem(CONTEXT, "number", {}, WHISPER, WHISPER) is None
    unheard = handover_problem(CONTEXT, "number", {}, "", WHISPER)
    assert unheard is not None and "(no whisper)" in unheard


def test_a_scenario_names_what_the_agent_is_handed():
    scenario = parse_scenario({"language": "en", "steps": [{"expect_handover": {"language": "en", "tier": "tier1"}}]},
                              "handover.yaml")
    assert scenario.steps[0].arg == {"language": "en", "tier": "tier1"}
    with pytest.raises(ScenarioError, match="expect_handover"):
        parse_scenario({"language": "en", "steps": [{"expect_handover": {}}]}, "handover.yaml")
