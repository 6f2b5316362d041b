"""The pure flow engine: from a call's state and what the caller did, the next step."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping

from ivr.flows.matching import match_global, match_option
from ivr.flows.model import FlowSet, Node
from ivr.flows.steps import (
    MENU_TIMEOUT,
    ActionContext,
    ActionResult,
    CallInput,
    Gather,
    Hangup,
    Say,
    Step,
    Transfer,
    TransferEnded,
)

MAX_HOPS = 50  # a flow that passes this many nodes without stopping is looping
INPUT_TIMEOUT, MORE_TIME_TIMEOUT = 8, 20


class EngineError(RuntimeError):
    """A flow that cannot go on (a loop, or an action raising an unwired event)."""


Actions = Mapping[str, Callable[[ActionContext], ActionResult]]
Observer = Callable[[str, str], None]


def _target_of(node: Node, event: str) -> str:
    """Where a node's event leads; an action raising an event the flow does not wire is a bug."""
    if event not in node.on:
        raise EngineError(f"{node.qualified}: action '{node.action}' raised unwired event '{event}'")
    return node.on[event]


def new_state(caller: str = "", called: str = "", lang: str = "en", call_sid: str = "") -> dict:
    """The state of a call that has just arrived."""
    return {"node": "", "lang": lang, "vars": {}, "tries": 0, "more_time": False,
            "caller": caller, "called": called, "call_sid": call_sid}


class Engine:
    """Runs flows against named actions; knows nothing of HTTP, TwiML or databases."""

    def __init__(self, flowset: FlowSet, actions: Actions, observer: Observer | None = None):
        self.flowset, self.actions = flowset, actions
        # Optional: told (qualified node, language) each time a call enters a node; the test
        # harness uses it to measure path coverage. It must not change what the engine does.
        self.observer = observer

    def start(self, state: dict, entry: str | None = None) -> tuple[dict, Step]:
        """Begin a call at the line's entry node, or at one of its named `entries`."""
        state = copy.deepcopy(state)
        target = self.flowset.entries[entry] if entry else self.flowset.entry
        return state, self._run(state, target, [])

    def resume(self, state: dict, event: CallInput | TransferEnded) -> tuple[dict, Step]:
        """Go on from the node the call waits at, given what happened there."""
        state = copy.deepcopy(state)
        node = self.flowset.node(state["node"])
        if isinstance(event, TransferEnded):
            return state, self._after_transfer(state, node, event)
        if event.silent:
            return state, self._failure(state, node, "no_input", [])
        if state["more_time"]:
            state["tries"] = 0  # the caller is back: they get the full set of retries again
        return state, self._answer(state, node, event)

    def goto(self, state: dict, target: str, says=()) -> tuple[dict, Step]:
        """Jump to a node (used by the shell for recoveries), saying `says` first."""
        state = copy.deepcopy(state)
        return state, self._run(state, target, list(says))

    def _answer(self, state: dict, node: Node, given: CallInput) -> Step:
        """Follow a menu choice, a global key, or an input node's action."""
        lang = state["lang"]
        key = match_global(self.flowset.key_words, lang, given.digits, given.speech)
        if node.type == "menu":
            option = match_option(node, lang, given.digits, given.speech)
            if option:
                state["vars"].update(option.set)
                state["lang"] = option.set.get("lang", lang)
                return self._run(state, option.goto, [])
        if key == "*":
            return self._run(state, node.back or node.qualified, [])
        if key == "0" and self.flowset.global_keys.get("0"):
            return self._run(state, self.flowset.global_keys["0"], [])
        if node.type == "input":
            result = self._call(state, node, given)
            if result.event != "no_match":
                return self._follow(state, node, result, [*result.says])
            return self._failure(state, node, "no_match", list(result.says))
        return self._failure(state, node, "no_match", [])

    def _failure(self, state: dict, node: Node, kind: str, says: list[Say]) -> Step:
        """Re-prompt (the last time saying more), offer more time once, then give up."""
        state["tries"] += 1
        if state["tries"] <= node.retries:
            last = state["tries"] == node.retries and node.reprompt
            # A re-prompt speaks the same variables as the prompt it repeats (a slot, a number).
            says += [Say(f"sorry_{kind}", bilingual=node.bilingual),
                     Say(last or node.prompt, dict(state["vars"]), node.bilingual)]
            return Step(state["lang"], tuple(says), self._gather(state, node))
        if kind == "no_input" and not state["more_time"]:
            state["more_time"] = True
            says.append(Say("more_time", bilingual=node.bilingual))
            return Step(state["lang"], tuple(says), self._gather(state, node, MORE_TIME_TIMEOUT))
        return self._run(state, node.give_up or self.flowset.give_up, says)

    def _after_transfer(self, state: dict, node: Node, ended: TransferEnded) -> Step:
        """After the agent leg: end the call, or follow the node's `left` or `failed` branch."""
        event = "left" if ended.left and "left" in node.on else "failed"
        if ended.ok or event not in node.on:
            return Step(state["lang"], (), Hangup())
        return self._run(state, node.on[event], [])

    def _call(self, state: dict, node: Node, given: CallInput | None) -> ActionResult:
        """Run a node's named action."""
        return self.actions[node.action](ActionContext(state=state, node=node, input=given))

    def _follow(self, state: dict, node: Node, result: ActionResult, says: list[Say]) -> Step:
        """Keep an action's variables and go where its event leads."""
        state["vars"].update(result.vars)
        return self._run(state, _target_of(node, result.event), says)

    def _run(self, state: dict, target: str, says: list[Say]) -> Step:
        """Walk nodes from `target`, collecting prompts, until one waits or ends the call."""
        for _ in range(MAX_HOPS):
            node = self.flowset.node(target)
            state.update(node=node.qualified)
            if self.observer:
                self.observer(node.qualified, state["lang"])
            if node.type in ("menu", "input"):
                state.update(tries=0, more_time=False)
            if node.prompt and node.type != "action":
                says.append(Say(node.prompt, dict(state["vars"]), node.bilingual))
            if node.type == "say":
                target = node.next
            elif node.type == "action":
                result = self._call(state, node, None)
                says.extend(result.says)
                state["vars"].update(result.vars)
                target = _target_of(node, result.event)
            else:
                return Step(state["lang"], tuple(says), self._end(state, node))
        raise EngineError(f"flow passed {MAX_HOPS} nodes without waiting for the caller (at {target})")

    def _end(self, state: dict, node: Node) -> Gather | Transfer | Hangup:
        """How a turn ends at a waiting or final node."""
        if node.type == "transfer":
            return Transfer(node.qualified, node.tier)
        if node.type == "hangup":
            return Hangup()
        return self._gather(state, node)

    def _gather(self, state: dict, node: Node, timeout: int | None = None) -> Gather:
        """The Gather for an input node, with the words worth hinting to the recogniser."""
        langs = ("en", "es") if node.bilingual else (state["lang"],)
        words = [w for o in node.options for la in langs for w in o.words.get(la, ())]
        words += [w for k in ("0", "*") for w in self.flowset.key_words.get((k, state["lang"]), ())]
        default = INPUT_TIMEOUT if node.type == "input" else MENU_TIMEOUT
        # A TTY call is keypad-only from start to end, whatever the flow's nodes allow.
        speech = node.speech and not state["vars"].get("keypad_only")
        return Gather(node.qualified, speech, tuple(dict.fromkeys(words)) if speech else (),
                      node.hints if speech else None, node.max_digits, timeout or default)
