"""The labelled set: what callers say at each menu, in each language, routed where they expect."""

from __future__ import annotations

import pytest

from ivr.actions.registry import KNOWN
from ivr.flows.flowset import load_flowset
from tests.flows.labelled_set import place, score, shares
from tests.flows.shipped import SHIPPED

MIN_RIGHT, MAX_WRONG, MIN_SIZE = 0.95, 0.01, 300


@pytest.mark.parametrize("lang", ["en", "es"])
def test_callers_reach_what_they_asked_for(lang):
    scored = score(lang)
    figures = shares(scored)
    misses = "\n".join(f"{s.verdict}: {s.menu}: {s.utterance!r} -> {s.got} (expected {s.expected})"
                       for s in scored if s.verdict != "right")
    report = f"{lang}: {len(scored)} utterances, " + ", ".join(f"{v} {x:.1%}" for v, x in figures.items())
    print(report)
    assert len(scored) >= MIN_SIZE
    assert figures["right"] >= MIN_RIGHT, f"{report}\n{misses}"
    assert figures["wrong"] <= MAX_WRONG, f"{report}\n{misses}"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_set_covers_every_option_of_every_menu_it_names(lang):
    flowset = load_flowset(SHIPPED, KNOWN)
    scored = score(lang, flowset)
    reached = {(s.menu, s.expected) for s in scored}
    for menu in {s.menu for s in scored}:
        for option in flowset.node(menu).options:
            assert (menu, place(flowset, option.goto)) in reached, f"{menu}: no utterance for key {option.key}"
