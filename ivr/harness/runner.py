"""Play one scenario through a backend (in-process or a served URL) and say how it went."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Protocol

import requests

from ivr.domain.routing import Target
from ivr.domain.texting import TextLinks
from ivr.harness.expect import (
    Heard,
    SeenTransfer,
    callback_problem,
    handover_problem,
    hangup_problem,
    heard_problem,
    no_text_problem,
    text_problem,
    transfer_problem,
)
from ivr.harness.recording import Exchange, RecordingTransport
from ivr.harness.scenario import Scenario, Step
from ivr.harness.simulator import SimulatedCall
from ivr.harness.texts import TEXT_STEPS, TextLog
from ivr.twiml import whisper_text

TWIML_SHOWN = 2000  # characters of the last TwiML document a failure report shows


class StepFailed(AssertionError):
    """An expectation that did not hold."""


class Backend(Protocol):
    """Where calls go: `mode` is 'in-process' or 'url'."""

    mode: str

    @property
    def texts(self) -> TextLog | None:
        """Where the texts the line sent are listed; None: they cannot be checked."""

    @property
    def links(self) -> TextLinks:
        """The line's pages and the message that carries one."""

    def skip_reason(self, scenario: Scenario) -> str | None: ...

    def prepare(self, scenario: Scenario) -> Scenario: ...

    def open_call(self, scenario: Scenario) -> tuple[SimulatedCall, RecordingTransport]: ...

    def tier_of(self, kind: str, target: str) -> str | None: ...


@dataclass
class Outcome:
    """How one scenario went: passed, failed (with a report) or skipped (with the reason)."""

    scenario: Scenario
    status: str
    message: str = ""
    seconds: float = 0.0
    call: SimulatedCall | None = None
    exchanges: list[Exchange] = field(default_factory=list)
    step: Step | None = None
    error: str = ""  # the kind of problem: StepFailed, CallFailed, TwimlRejected, ConnectionError...
    step_seconds: list[float] = field(default_factory=list)  # each step played, in order (the failing one last)


def random_caller() -> str:
    """A caller number of the 555 range, different for most calls, so per-caller limits stay apart."""
    return f"+1202555{random.randrange(10_000):04d}"


def scenario_call(scenario: Scenario, transport, base_url: str, auth_token: str) -> SimulatedCall:
    """A new simulated call as the scenario places it: its caller (else a random one), the number dialled,
    how agents answer and the hold line's wait."""
    call = SimulatedCall(transport, base_url, auth_token, caller=scenario.caller or random_caller(),
                         agent_outcome=scenario.conditions.agent)
    if scenario.called:
        call.called = scenario.called
    if scenario.queue_wait is not None:
        call.queue_wait = scenario.queue_wait
    return call


def tier_of(targets: dict[str, Target], kind: str, target: str) -> str | None:
    """The tier whose configured target received a transfer."""
    return next((tier for tier, t in targets.items() if (t.kind, t.value) == (kind, target)), None)


def run_scenario(scenario: Scenario, backend: Backend) -> Outcome:
    """Play a scenario's call step by step; the first failing step ends it with a report."""
    reason = backend.skip_reason(scenario)
    if reason:
        return Outcome(scenario, "skipped", reason)
    scenario = backend.prepare(scenario)
    started = time.perf_counter()
    call, transport = backend.open_call(scenario)
    player = Player(call, transport, backend)
    current, timings = None, []
    try:
        if any(step.kind in TEXT_STEPS for step in scenario.steps):
            player.note_texts_before(scenario)
        call.start()
        for current in scenario.steps:
            begun = time.perf_counter()
            try:
                player.play(current)
            finally:
                timings.append(time.perf_counter() - begun)
        if not call.ended:
            call.hangup()  # end the call as a caller would, so the line forgets it
    except (AssertionError, requests.RequestException) as problem:
        report = failure_report(scenario, current, problem, call, transport)
        return Outcome(scenario, "failed", report, time.perf_counter() - started, call, transport.exchanges,
                       current, type(problem).__name__, timings)
    return Outcome(scenario, "passed", "", time.perf_counter() - started, call, transport.exchanges,
                   step_seconds=timings)


class Player:
    """Plays steps on one call, remembering where the caller last acted."""

    def __init__(self, call: SimulatedCall, transport: RecordingTransport, backend: Backend):
        self.call, self.transport, self.backend = call, transport, backend
        self.transfers_seen, self.caller_hung_up = 0, False
        self.lang = "en"
        self.texts_before: dict[str, set[str]] = {}  # number -> SIDs of the texts sent to it before the call

    def note_texts_before(self, scenario: Scenario) -> None:
        """Note the texts already sent to each number the scenario checks, so only the call's own count."""
        self.lang = scenario.language
        numbers = {step.arg.get("to", self.call.caller) if step.kind == "expect_text" else self.call.caller
                   for step in scenario.steps if step.kind in TEXT_STEPS}
        for number in numbers:
            self.texts_before[number] = {text.sid for text in self._texts().sent_to(number)}

    def _texts(self) -> TextLog:
        """The backend's list of texts (a scenario that checks texts is skipped where there is none)."""
        if self.backend.texts is None:
            raise StepFailed("the texts sent cannot be listed here")
        return self.backend.texts

    def _new_texts(self, number: str) -> list[str]:
        """The bodies of the texts sent to a number since the call began, oldest first."""
        before = self.texts_before.get(number, set())
        return [text.body for text in reversed(self._texts().sent_to(number)) if text.sid not in before]

    def play(self, step: Step) -> None:
        """Do or check one step; raise StepFailed when an expectation does not hold."""
        if step.kind in ("press", "say", "silence", "hangup", "text_line"):
            return self._act(step)
        problem = self._check(step)
        if problem:
            raise StepFailed(problem)

    def _act(self, step: Step) -> None:
        """What the caller does."""
        call = self.call
        self.transfers_seen = len(call.transfers)
        self.transport.new_step()
        if step.kind == "press":
            call.press(step.arg)
        elif step.kind == "say":
            call.say(*step.arg)
        elif step.kind == "silence":
            for _ in range(step.arg):
                call.silence()
        elif step.kind == "text_line":
            call.text_line(step.arg)
        else:
            self.caller_hung_up = not call.ended
            call.hangup()

    def _check(self, step: Step) -> str | None:
        """What the caller expects."""
        heard = Heard(self.call.last_heard, self.call.all_heard)
        if step.kind in ("expect_heard", "expect_not_heard"):
            return heard_problem(step.arg, heard, wanted=step.kind == "expect_heard")
        if step.kind == "expect_transfer":
            recent = self.call.transfers[self.transfers_seen:]
            seen = [SeenTransfer(self.backend.tier_of(t.kind, t.target), t.kind, t.target) for t in recent]
            return transfer_problem(step.arg, seen)
        if step.kind == "expect_callback":
            return callback_problem(step.arg, heard)
        if step.kind == "expect_handover":
            if not self.call.transfers:
                return "expected a hand-over to an agent, but the call was never transferred"
            last = self.call.transfers[-1]
            return handover_problem(step.arg, last.kind, last.context, last.whisper, whisper_text(step.arg))
        if step.kind == "expect_text":
            spec = {"lang": self.lang, "to": self.call.caller, **step.arg}
            return text_problem(spec, self._new_texts(spec["to"]), self.backend.links.messages)
        if step.kind == "expect_no_text":
            return no_text_problem(self.call.caller, self._new_texts(self.call.caller))
        if step.kind == "expect_no_speech":  # a TTY's call: text as tones, never a <Say>
            spoken = sum(document.count("<Say") for document in self.call.documents)
            return f"the call had {spoken} <Say> so far" if spoken else None
        return hangup_problem(self.call.ended, self.caller_hung_up)


def failure_report(scenario: Scenario, step: Step | None, problem: Exception, call: SimulatedCall,
                   transport: RecordingTransport) -> str:
    """Scenario, step (index, line and text), the problem, what was heard and the last TwiML."""
    where = f"step {step.index}" + (f" (line {step.line})" if step.line else "") + f": {step.text}" if step else \
        "step 0: the call starts"
    kind = "" if isinstance(problem, AssertionError) else f"{type(problem).__name__}: "
    return "\n".join([
        f"scenario {scenario.name!r} ({scenario.path})",
        f"  {where}",
        f"  problem: {kind}{problem}",
        f"  heard since the caller's last action: {call.last_heard or '(nothing)'}",
        f"  last TwiML: {transport.last_body[:TWIML_SHOWN] or '(none)'}",
    ])
