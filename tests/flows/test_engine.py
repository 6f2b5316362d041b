"""The pure engine, on a small flow written for the test."""

from __future__ import annotations

import textwrap

import pytest

from ivr.flows.contracts import ContractViolation, contract
from ivr.flows.engine import (
    ActionResult,
    CallInput,
    Engine,
    EngineError,
    Gather,
    Hangup,
    Say,
    Transfer,
    TransferEnded,
)
from ivr.flows.flowset import Known, load_flowset
from ivr.flows.spoken import MORE_TIME, SORRY_NO_INPUT, SORRY_NO_MATCH
from ivr.flows.state import CallState

FLOW = """
version: 1
line:
  entry: t.ask
  give_up: t.bye
  voices: {en: Polly.Joanna, es: Polly.Lupe}
  keys:
    "0": {goto: t.agent, words: {en: [agent], es: [agente]}}
    "*": {words: {en: [repeat], es: [repetir]}}
flow: t
start: ask
nodes:
  ask:
    type: input
    prompt: ask
    reprompt: ask_more
    action: check
    max_digits: 4
    on: {ok: good, odd: loop_a}
  good: {type: say, prompt: good, next: bye}
  loop_a: {type: say, prompt: bye, next: loop_b}
  loop_b: {type: say, prompt: bye, next: loop_a}
  agent: {type: transfer, tier: tier1, on: {failed: bye}}
  bye: {type: hangup, prompt: bye}
prompts:
  ask: {en: "Enter a code.", es: "Marque un código."}
  ask_more: {en: "Enter the four digits of your code.", es: "Marque los cuatro dígitos de su código."}
  good: {en: "Thanks, {name}.", es: "Gracias, {name}."}
  bad_code: {en: "That code is wrong.", es: "Ese código no es correcto."}
  bye: {en: "Bye.", es: "Adiós."}
  sorry_no_input: {en: "Nothing heard.", es: "No escuché nada."}
  sorry_no_match: {en: "Not understood.", es: "No entendí."}
  clarify: {en: "{choice_1} or {choice_2}?", es: "¿{choice_1} o {choice_2}?"}
  clarify_by_key: {en: "{choice_1}, {key_1}; {choice_2}, {key_2}?", es: "{choice_1}, {key_1}; {choice_2}, {key_2}?"}
  more_time: {en: "Need more time?", es: "¿Necesita más tiempo?"}
"""


def check(ctx):
    """A test action: 1234 is good, 9999 leads into a loop, anything else is wrong."""
    digits = ctx.input.digits
    if digits == "1234":
        return ActionResult("ok", vars={"name": "Ana"})
    if digits == "9999":
        return ActionResult("odd")
    if digits == "5555":
        return ActionResult("surprise")
    if digits == "6666":
        return ActionResult("ok", vars={"nickname": "Ana"})
    return ActionResult("no_match", says=(Say("bad_code"),))


CHECK = contract("check", events={"ok": ["name"], "odd": (), "no_match": ()}, says=["bad_code"])
ENGINE_PROMPTS = {name: frozenset() for name in (SORRY_NO_INPUT, SORRY_NO_MATCH, MORE_TIME)}


@pytest.fixture
def engine(tmp_path):
    (tmp_path / "t.yaml").write_text(textwrap.dedent(FLOW))
    known = Known(contracts={"check": CHECK}, tiers=["tier1"], code_prompts=ENGINE_PROMPTS)
    return Engine(load_flowset(tmp_path, known), {"check": check}, {"check": CHECK})


def prompts(step):
    return [s.prompt for s in step.says]


def test_start_waits_at_the_first_input(engine):
    state, step = engine.start(CallState(lang="es"))
    assert prompts(step) == ["ask"] and step.lang == "es"
    assert step.end == Gather("t.ask", speech=True, words=("agente", "repetir"), max_digits=4, timeout=8)
    assert state.node == "t.ask"


def test_a_good_answer_keeps_the_actions_variables_for_the_prompts(engine):
    state, _ = engine.start(CallState())
    state, step = engine.resume(state, CallInput(digits="1234"))
    assert step.says == (Say("good", {"name": "Ana"}), Say("bye", {"name": "Ana"}))
    assert step.end == Hangup()


def test_wrong_answers_explain_then_reprompt_then_give_up(engine):
    state, _ = engine.start(CallState())
    state, step = engine.resume(state, CallInput(digits="1111"))
    assert prompts(step) == ["bad_code", "sorry_no_match", "ask"]
    state, step = engine.resume(state, CallInput(speech="one one one", confidence=0.9))
    assert prompts(step) == ["bad_code", "sorry_no_match", "ask_more"]
    state, step = engine.resume(state, CallInput(digits="2222"))
    assert prompts(step) == ["bad_code", "bye"] and step.end == Hangup()


def test_silence_offers_more_time_once(engine):
    state, _ = engine.start(CallState())
    for expected in (["sorry_no_input", "ask"], ["sorry_no_input", "ask_more"], ["more_time"]):
        state, step = engine.resume(state, CallInput())
        assert prompts(step) == expected
    assert step.end.timeout == 20
    state, step = engine.resume(state, CallInput())
    assert prompts(step) == ["bye"]


def test_an_answer_after_more_time_gets_fresh_retries(engine):
    state, _ = engine.start(CallState())
    for _ in range(3):
        state, _ = engine.resume(state, CallInput())
    state, step = engine.resume(state, CallInput(digits="1111"))
    assert prompts(step) == ["bad_code", "sorry_no_match", "ask"]


def test_low_confidence_speech_counts_as_not_heard(engine):
    state, _ = engine.start(CallState())
    _, step = engine.resume(state, CallInput(speech="one two", confidence=0.05))
    assert prompts(step) == ["sorry_no_input", "ask"]


def test_zero_reaches_an_agent_and_a_failed_transfer_follows_its_branch(engine):
    state, _ = engine.start(CallState())
    state, step = engine.resume(state, CallInput(digits="0"))
    assert step.end == Transfer("t.agent", "tier1", {"language": "en", "tier": "tier1", "reason": "agent"})
    _, step = engine.resume(state, TransferEnded(ok=False))
    assert prompts(step) == ["bye"]
    _, step = engine.resume(state, TransferEnded(ok=True))
    assert step == step.__class__("en", (), Hangup())


def test_star_repeats_the_prompt(engine):
    state, _ = engine.start(CallState())
    _, step = engine.resume(state, CallInput(digits="*"))
    assert prompts(step) == ["ask"]


def test_a_flow_that_loops_without_waiting_is_stopped(engine):
    state, _ = engine.start(CallState())
    with pytest.raises(EngineError, match="without waiting"):
        engine.resume(state, CallInput(digits="9999"))


def test_an_action_returning_an_undeclared_event_breaks_its_contract(engine):
    state, _ = engine.start(CallState())
    with pytest.raises(ContractViolation, match="undeclared event 'surprise'"):
        engine.resume(state, CallInput(digits="5555"))


def test_an_action_setting_an_undeclared_variable_breaks_its_contract(engine):
    state, _ = engine.start(CallState())
    with pytest.raises(ContractViolation, match="undeclared variables \\['nickname'\\]"):
        engine.resume(state, CallInput(digits="6666"))


def test_resume_does_not_change_the_state_it_was_given(engine):
    state, _ = engine.start(CallState())
    before = repr(state)
    engine.resume(state, CallInput(digits="1111"))
    assert repr(state) == before
