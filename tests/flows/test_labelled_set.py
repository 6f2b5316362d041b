"""The labelled set: what callers say at each menu, in each language, routed where they expect."""

from __future__ import annotations

import pytest

from ivr.actions.registry import KNOWN
from ivr.flows.flowset import load_flowset
from ivr.flows.matching import understand
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


@pytest.mark.parametrize(("lang", "speech", "where"), [
    ("en", "I need to make a driver's license appointment", None),
    ("en", "appointment at the department of motor vehicles", None),
    ("en", "I need to change my appointment", "biometrics.intro"),
    ("es", "quiero hacer una cita para mi licencia de conducir", None),
    ("es", "una cita en el DMV", None),
    ("es", "necesito cambiar mi cita", "biometrics.intro"),
])
def test_an_appointment_another_agency_keeps_is_not_a_biometrics_appointment(lang, speech, where):
    flowset = load_flowset(SHIPPED, KNOWN)
    heard = understand(flowset, flowset.node("main.main_menu"), lang, None, speech)
    assert (heard.choice.goto if heard.choice else None) == where and not heard.between
