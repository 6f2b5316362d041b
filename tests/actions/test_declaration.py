"""Declaring an action: its contract travels with its code, and the contract is held during a run."""

from __future__ import annotations

import pytest

from ivr.actions.declaration import action
from ivr.flows.contracts import ContractViolation
from ivr.flows.steps import ActionResult, Say


@action("greet", events={"ok": ["greeting"]}, requires=["name"], reads=["title"], says=["hello"],
        params=["style"])
def greet(_services, ctx):
    """A tiny action that keeps to its contract."""
    title = ctx.get("title", "")
    return ActionResult("ok", vars={"greeting": f"{ctx.param('style', 'plain')} {title} {ctx.var('name')}"},
                        says=(Say("hello"),))


@action("nosy", events=["ok"], reads=["title"])
def nosy(_services, ctx):
    """Reads a variable its contract does not declare."""
    ctx.get("receipt")
    return ActionResult("ok")


@action("nosy_var", events=["ok"], requires=["name"])
def nosy_var(_services, ctx):
    """Requires a variable its contract does not declare."""
    ctx.var("receipt")
    return ActionResult("ok")


@action("nosy_param", events=["ok"])
def nosy_param(_services, ctx):
    """Reads a `with:` value its contract does not declare."""
    ctx.param("kind", "expedite")
    return ActionResult("ok")


def answering(result):
    """An action that answers `result`, declaring only the event 'ok' with no variables or prompts."""
    return action("loose", events=["ok"])(lambda _services, _ctx: result)


def test_an_action_that_keeps_its_contract_runs(line):
    result = line.run(greet, {"name": "Ana", "title": "Dr."}, params={"style": "warm"})
    assert result.vars == {"greeting": "warm Dr. Ana"}
    assert greet.name == "greet" and greet.contract.may_read("title") and not greet.contract.may_read("receipt")


@pytest.mark.parametrize(("declared", "message"), [
    (nosy, "action 'nosy' reads undeclared variable 'receipt'"),
    (nosy_var, "action 'nosy_var' reads undeclared variable 'receipt'"),
    (nosy_param, "action 'nosy_param' reads undeclared parameter 'kind'"),
])
def test_reading_what_the_contract_does_not_declare_is_refused(line, declared, message):
    with pytest.raises(ContractViolation) as refused:
        line.run(declared, {"name": "Ana", "receipt": "EAC2190012345"}, params={"kind": "expedite"})
    assert str(refused.value) == message


def test_a_required_variable_that_is_not_set_is_refused(line):
    with pytest.raises(ContractViolation, match="required variable 'name' is not set"):
        line.run(greet)


@pytest.mark.parametrize(("result", "message"), [
    (ActionResult("maybe"), "returned undeclared event 'maybe'"),
    (ActionResult("ok", vars={"receipt": "x"}), "set undeclared variables ['receipt'] on 'ok'"),
    (ActionResult("ok", says=(Say("case_not_found"),)), "spoke undeclared prompts ['case_not_found']"),
])
def test_every_run_holds_the_answer_to_the_contract(line, result, message):
    with pytest.raises(ContractViolation, match=message.replace("[", r"\[").replace("]", r"\]")):
        line.run(answering(result))
