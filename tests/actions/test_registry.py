"""The registry: agents' hours, and every action, contract and speech hint the flows are checked against."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from ivr.actions import (
    answers,
    biometrics,
    callback_manage,
    callback_zones,
    callbacks,
    case_status,
    registry,
    service_requests,
    texts,
)
from ivr.actions.registry import agents_open
from ivr.domain.contact_center import TIERS
from ivr.flows.model import Node
from ivr.flows.state import CallState
from ivr.flows.steps import ActionContext
from tests.actions.line import Situation, check_situation, situations, tabled_events

SATURDAY_EVENING = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)  # 6 p.m. Eastern
THANKSGIVING_MORNING = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 10 a.m. Eastern, a federal holiday
MONDAY_AT_EIGHT = {"en": "Monday, November 30, at 8 a.m. Eastern time",
                   "es": "lunes 30 de noviembre, a las 8 de la mañana, hora del Este"}
MODULES = (case_status, callback_zones, callbacks, callback_manage, biometrics, service_requests, answers, texts)


def at(instant):
    """The line's clock reads `instant`."""
    def arrange(line):
        line.now = instant
    return arrange


SITUATIONS = situations(
    agents_open,
    ("Monday 10 a.m.", Situation("open", given={"params": {"tier": "tier2"}})),
    ("Saturday evening", Situation("closed", given={"params": {"tier": "tier1"}}, arrange=at(SATURDAY_EVENING))),
    ("Thanksgiving", Situation("closed", given={"params": {"tier": "tier1"}}, arrange=at(THANKSGIVING_MORNING))),
)


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


def test_every_declared_event_is_in_the_table():
    assert tabled_events(SITUATIONS, agents_open) == set(agents_open.contract.events)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_closed_says_when_agents_next_answer(line, lang):
    line.now = SATURDAY_EVENING
    result = line.run(agents_open, params={"tier": "tier2", "purpose": "emergency_travel"}, lang=lang)
    assert result.vars == {"callback_tier": "tier2", "callback_purpose": "emergency_travel",
                           "next_open": MONDAY_AT_EIGHT[lang]}


@pytest.mark.parametrize(("lang", "next_open"), [
    ("en", "Friday, November 27, at 8 a.m. Eastern time"),
    ("es", "viernes 27 de noviembre, a las 8 de la mañana, hora del Este"),
])
def test_on_a_holiday_agents_next_answer_the_next_business_day(line, lang, next_open):
    line.now = THANKSGIVING_MORNING
    assert line.run(agents_open, params={"tier": "tier1"}, lang=lang).vars["next_open"] == next_open


def test_open_keeps_which_agents_a_later_callback_is_for(line):
    assert line.run(agents_open).vars == {"callback_tier": "tier1", "callback_purpose": "agent"}


def test_the_registry_holds_every_action_of_every_module_once():
    declared = [a for module in MODULES for a in module.ACTIONS] + [agents_open]
    assert Counter(a.name for a in registry.ACTIONS) == Counter(a.name for a in declared)
    assert sorted(map(id, registry.ACTIONS)) == sorted(map(id, declared))  # the very actions, not namesakes


def test_contracts_and_known_name_every_action_once():
    names = [a.name for a in registry.ACTIONS]
    assert len(names) == len(set(names))
    assert dict(registry.CONTRACTS) == {a.name: a.contract for a in registry.ACTIONS}
    assert registry.KNOWN.contracts is registry.CONTRACTS
    assert set(registry.KNOWN.actions) == set(names)
    assert set(registry.KNOWN.tiers) == set(TIERS)


@pytest.mark.parametrize("hint", sorted(registry.HINTS))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_speech_hint_has_words_in_both_languages(hint, lang):
    words = registry.HINTS[hint](lang)
    assert words and all(isinstance(word, str) and word for word in words)
    assert hint in registry.KNOWN.hints


def test_built_actions_run_with_the_lines_services(line):
    handlers = registry.build_actions(line.services())
    assert set(handlers) == set(registry.CONTRACTS)
    node = Node(id="node", flow="test", type="action", action="callback_zone")
    assert handlers["callback_zone"](ActionContext(CallState(call_sid="CA1"), node)).event == "no_case"
