"""What an explored call must never get: an unprovoked apology, silence, a dead end, a slow webhook."""

from __future__ import annotations

from ivr.flows.model import LANGUAGES, FlowSet
from ivr.flows.spoken import APOLOGY, APOLOGY_CALL_LATER
from ivr.harness.recording import RecordingTransport
from ivr.harness.scenario import Scenario
from ivr.harness.simulator import Heard, SimulatedCall

TWILIO_LIMIT = 15.0  # seconds Twilio waits for a webhook before the caller hears "an application error"
LANGUAGE_OF_TAG = {"en-US": "en", "es-US": "es"}


def _words(text: str) -> str:
    """Text with its spacing normalised, as the simulator hears it."""
    return " ".join(text.split())


def prompt_texts(flowset: FlowSet, prompt: str) -> set[str]:
    """A prompt's words in every language."""
    return {_words(text) for text in flowset.prompts[prompt].text.values()}


def is_apology(heard: Heard, flowset: FlowSet) -> bool:
    """Whether something heard is the apology after a fault."""
    return heard.text in prompt_texts(flowset, APOLOGY)


def call_problems(call: SimulatedCall, transport: RecordingTransport, flowset: FlowSet, scenario: Scenario,
                  caller_hung_up: bool) -> list[str]:
    """Everything wrong with a finished call, as one line each."""
    problems = [f"{e.path} took {e.elapsed:.1f} s to answer (Twilio gives up after {TWILIO_LIMIT:g} s)"
                for e in transport.exchanges if e.elapsed > TWILIO_LIMIT]
    apologies = [index for index, heard in enumerate(call.heard) if is_apology(heard, flowset)]
    if scenario.conditions.faults:
        problems += fault_problems(call, flowset, scenario, apologies)
    elif apologies:
        problems.append("heard the apology, and no fault was injected")
    if call.ended and not caller_hung_up and not scenario.conditions.faults:
        problems += ending_problems(call, scenario)
    return problems


def expected_languages(call: SimulatedCall, scenario: Scenario, first_apology: int) -> set[str]:
    """The languages the apology must be heard in: the call's, or both while it has none yet."""
    if scenario.answers_callback:
        return {scenario.language}
    before = [h.language for h in call.heard[:first_apology] if h.language]
    return {LANGUAGE_OF_TAG.get(before[-1], "en")} if before else set(LANGUAGES)


def fault_problems(call: SimulatedCall, flowset: FlowSet, scenario: Scenario, apologies: list[int]) -> list[str]:
    """With a fault injected: the apology, in the caller's language, then a way forward."""
    faults = ", ".join(scenario.conditions.faults)
    if not apologies:
        return [f"fault {faults} injected, but the caller never heard the apology"]
    problems = []
    heard_in = {LANGUAGE_OF_TAG.get(call.heard[i].language or "", "?") for i in apologies}
    wanted = expected_languages(call, scenario, apologies[0])
    if not wanted <= heard_in:
        problems.append(f"fault {faults}: the apology was in {sorted(heard_in)}, not {sorted(wanted)}")
    apology_said = next(i for i, (who, text) in enumerate(call.transcript)
                        if who == "ivr" and text in prompt_texts(flowset, APOLOGY))
    later = prompt_texts(flowset, APOLOGY_CALL_LATER)
    onward = [(who, text) for who, text in call.transcript[apology_said + 1:]
              if who == "transfer" or (who == "ivr" and text in later)]
    if not onward:
        problems.append(f"fault {faults}: the apology offered no way forward (no transfer, no call-later goodbye)")
    return problems


def ending_problems(call: SimulatedCall, scenario: Scenario) -> list[str]:
    """The IVR ended the call: it must have said something first, and hung up on purpose."""
    if call.transfers and scenario.conditions.agent == "answered":
        return []  # an agent took the call
    problems = []
    if not call.turn:
        problems.append("the call ended in silence: nothing was said after the caller's last answer")
    if call.documents and "<Hangup" not in call.documents[-1]:
        problems.append("dead end: the call's last TwiML ran out without hanging up")
    return problems
