"""Transfer targets from configuration."""

from __future__ import annotations

import pytest

from ivr.domain.routing import Target, parse_target, parse_targets


@pytest.mark.parametrize(("text", "target"), [
    ("queue:tier1", Target("queue", "tier1")),
    ("(202) 555-1234", Target("number", "+12025551234")),
    ("+1 787 555 1234", Target("number", "+17875551234")),
    ("sip:tier2@pbx.example.gov", Target("sip", "sip:tier2@pbx.example.gov")),
])
def test_parse_target(text, target):
    assert parse_target(text) == target


@pytest.mark.parametrize("text", ["queue:", "12345", "call bob", ""])
def test_bad_targets_are_refused_naming_the_tier(text):
    with pytest.raises(ValueError, match="transfer target for tier2"):
        parse_targets({"tier2": text})
