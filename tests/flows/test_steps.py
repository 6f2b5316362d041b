"""A step's key: what a rendered step is kept under, so two steps share it only when they are equal."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from ivr.flows.steps import Gather, Hangup, Say, Step, Transfer

MENU = Step(lang="en", says=(Say("welcome"), Say("menu_main", {"name": "Ana"})),
            end=Gather("main.menu", speech=True, words=("status",), hints="menu"))


def test_equal_steps_share_a_key():
    """A step built again, field by field, is kept under the same key."""
    again = Step(lang="en", says=(Say("welcome"), Say("menu_main", {"name": "Ana"})),
                 end=Gather("main.menu", speech=True, words=("status",), hints="menu"))
    assert again.key() == MENU.key()
    assert hash(again.key()) == hash(MENU.key())


@pytest.mark.parametrize("other", [
    replace(MENU, lang="es"),
    replace(MENU, bilingual=True),
    replace(MENU, tty=True),
    replace(MENU, says=MENU.says[:1]),
    replace(MENU, says=(Say("welcome"), Say("menu_main", {"name": "Luis"}))),
    replace(MENU, says=(Say("welcome", bilingual=True), MENU.says[1])),
    replace(MENU, says=(Say("welcome", lang="es"), MENU.says[1])),
    replace(MENU, says=(Say("goodbye"), MENU.says[1])),
    replace(MENU, end=replace(MENU.end, node="main.other")),
    replace(MENU, end=replace(MENU.end, speech=False)),
    replace(MENU, end=replace(MENU.end, words=("status", "appointment"))),
    replace(MENU, end=replace(MENU.end, hints=None)),
    replace(MENU, end=replace(MENU.end, max_digits=13)),
    replace(MENU, end=replace(MENU.end, timeout=10)),
    replace(MENU, end=Hangup()),
], ids=lambda step: repr(step)[:60])
def test_a_step_that_differs_anywhere_has_another_key(other):
    """Any difference, in the step, a prompt's values or how the turn ends, gives another key."""
    assert other.key() != MENU.key()


def test_transfers_differ_by_tier_and_context():
    """A transfer's tier and the context the agent is handed are part of its key."""
    transfer = replace(MENU, end=Transfer("main.agent", "tier1", {"reason": "status"}))
    assert transfer.key() == replace(MENU, end=Transfer("main.agent", "tier1", {"reason": "status"})).key()
    assert transfer.key() != replace(MENU, end=Transfer("main.agent", "tier2", {"reason": "status"})).key()
    assert transfer.key() != replace(MENU, end=Transfer("main.agent", "tier1", {"reason": "travel"})).key()


def test_the_key_covers_every_field():
    """A field added to a step, a prompt or a transfer must be added to the key (and to the cases above)."""
    assert [f.name for f in fields(Step)] == ["lang", "says", "end", "bilingual", "tty"]
    assert [f.name for f in fields(Say)] == ["prompt", "params", "bilingual", "lang"]
    assert [f.name for f in fields(Transfer)] == ["node", "tier", "context"]
