"""The answers actions: back to the answer the caller chose."""

from __future__ import annotations

import pytest

from ivr.actions import answers
from ivr.actions.answers import route_answer
from ivr.domain.answers import ANSWERS
from tests.actions.line import Situation, check_situation, situations, tabled_events

SITUATIONS = situations(route_answer, *((name, Situation(name, {"answer": name})) for name in ANSWERS))


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", answers.ACTIONS)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)
