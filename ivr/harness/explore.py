"""`harness explore`: random calls off the scripted path, each checked for what a caller must never get."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import requests

from ivr.flows.model import FlowSet
from ivr.harness.explore_checks import call_problems
from ivr.harness.explore_choices import Choice, choose
from ivr.harness.recording import RecordingTransport
from ivr.harness.runner import Backend
from ivr.harness.scenario import PRESETS, Conditions, Scenario
from ivr.harness.scenario_schema import AGENT_OUTCOMES
from ivr.harness.simulator import SimulatedCall

MAX_ACTIONS = 40  # a caller still on the line after this many answers hangs up
SAME_TURNS = 10  # the same prompt after this many answers in a row, the caller going nowhere: a loop
HOURS = ("business-hours", "business-hours", "after-hours", "weekend", "federal-holiday", "dst-fall-back")
EXPLORE_FAULTS = ("database_down", "slow_store")
# In-process, a slow store is slower than this webhook budget (seconds), so it need not take 5 s a call.
FAULT_SETTINGS = (("WEBHOOK_BUDGET_SECONDS", "0.3"),)


@dataclass
class ExploredCall:
    """One random call: what it ran under, what the caller did (as scenario steps), what went wrong."""

    index: int
    seed: str
    scenario: Scenario
    steps: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    webhooks: int = 0
    slowest: float = 0.0


def call_seed(seed: int, index: int) -> str:
    """The seed of one call of a run: the run's seed and the call's number."""
    return f"{seed}-{index}"


def situation(rng: random.Random, index: int, seed: str, remote: bool, tty_number: str) -> Scenario:
    """When, to which number and under which faults a call is placed; over --url, the server's own clock."""
    language = rng.choice(("en", "es"))
    faulted = not remote and rng.random() < 0.05
    faults = (rng.choice(EXPLORE_FAULTS),) if faulted else ()
    callback = None if remote or faulted or rng.random() > 0.04 else rng.choice(("tier1", "tier2", "tier3"))
    conditions = Conditions(now=None if remote else PRESETS[rng.choice(HOURS)],
                            agent=rng.choice(AGENT_OUTCOMES), faults=faults,
                            settings=FAULT_SETTINGS if faulted else ())
    called = tty_number if callback is None and rng.random() < 0.15 else None
    caller = rng.choice(("+1202555", "+1310555", "+1787555")) + f"{rng.randrange(10_000):04d}"
    return Scenario(name=f"explore call {index} (seed {seed})", path=f"explore-{seed}.yaml", language=language,
                    steps=(), conditions=conditions, caller=caller, called=called, answers_callback=callback)


def explore_call(backend: Backend, flowset: FlowSet, seed: int, index: int, tty_number: str) -> ExploredCall:
    """Place one random call and check it."""
    key = call_seed(seed, index)
    rng = random.Random(key)
    scenario = situation(rng, index, key, backend.mode == "url", tty_number)
    explored = ExploredCall(index, key, scenario)
    call, transport = backend.open_call(scenario)
    caller_hung_up = False
    try:
        call.start()
        caller_hung_up = _play(rng, call, transport, flowset, explored)
    except (AssertionError, requests.RequestException) as problem:
        explored.problems.append(f"{type(problem).__name__}: {problem}")
    explored.webhooks = len(transport.exchanges)
    explored.slowest = max((e.elapsed for e in transport.exchanges), default=0.0)
    explored.problems += call_problems(call, transport, flowset, scenario, caller_hung_up)
    return explored


def _play(rng: random.Random, call: SimulatedCall, transport: RecordingTransport, flowset: FlowSet,
          explored: ExploredCall) -> bool:
    """Answer prompts at random until the call ends; True when the caller hung up."""
    same, last = 0, ""
    for _ in range(MAX_ACTIONS):
        gather = call.waiting_for
        if call.ended or gather is None:
            return False
        choice = choose(rng, gather, flowset)
        transport.new_step()
        _act(call, choice, explored.steps)
        if choice.kind == "hangup":
            return True
        same = same + 1 if call.last_heard == last and not call.ended else 0
        last = call.last_heard
        if same >= SAME_TURNS:
            raise AssertionError(f"looped: the same prompt {SAME_TURNS} answers in a row: {last[:200]!r}")
    if not call.ended:
        explored.steps.append("hangup")
        call.hangup()
        return True
    return False


def _act(call: SimulatedCall, choice: Choice, steps: list) -> None:
    """Do what the caller chose, and write it down as a scenario step."""
    if choice.kind == "press":
        steps.append({"press": choice.keys})
        call.press(choice.keys)
    elif choice.kind == "say":
        steps.append({"say": {"words": choice.words, "confidence": choice.confidence}})
        call.say(choice.words, choice.confidence)
    elif choice.kind == "silence":
        steps.append("silence")
        call.silence()
    else:
        steps.append("hangup")
        call.hangup()


def explore(backend: Backend, flowset: FlowSet, seed: int, calls: int, tty_number: str) -> list[ExploredCall]:
    """Place `calls` random calls, one after another; every call, failing or not."""
    return [explore_call(backend, flowset, seed, index, tty_number) for index in range(1, calls + 1)]
