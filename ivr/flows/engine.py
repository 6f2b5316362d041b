"""The pure flow engine: from a call's state and what the caller did, the next step."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ivr.flows.contracts import Contract
from ivr.flows.handover import handover, menu_label
from ivr.flows.languages import SWITCH_KEY, asks_to_switch, other_language
from ivr.flows.matching import Choice, choices, understand
from ivr.flows.model import LANGUAGES, FlowSet, Node
from ivr.flows.spoken import CLARIFY, CLARIFY_BY_KEY, MORE_TIME, SWITCH_LANGUAGE, sorry
from ivr.flows.state import CallState
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


def is_tty(state: CallState) -> bool:
    """Whether the call is a TTY's (to the TTY number, or a callback to a TTY caller): text only, keypad only."""
    # Only the TTY entry asks for TTY agents, so a callback booked for them is a TTY caller's.
    return bool(state.vars.get("keypad_only")) or state.vars.get("callback_tier") == "tty"


MAX_HOPS = 50  # a flow that passes this many nodes without stopping is looping
INPUT_TIMEOUT, MORE_TIME_TIMEOUT = 8, 20


class EngineError(RuntimeError):
    """A flow that cannot go on (a loop, or an action raising an unwired event)."""


Handler = Callable[[ActionContext], ActionResult]
Actions = Mapping[str, Handler]
Observer = Callable[[str, str], None]


def _target_of(node: Node, event: str) -> str:
    """Where a node's event leads; an action raising an event the flow does not wire is a bug."""
    if event not in node.on:
        raise EngineError(f"{node.qualified}: action '{node.action}' raised unwired event '{event}'")
    return node.on[event]


class Engine:
    """Runs flows against named actions; knows nothing of HTTP, TwiML or databases."""

    def __init__(self, flowset: FlowSet, actions: Actions, contracts: Mapping[str, Contract] | None = None,
                 observer: Observer | None = None):
        self.flowset, self.actions, self.contracts = flowset, actions, contracts or {}
        # Optional: told (qualified node, language) each time a call enters a node; the test
        # harness uses it to measure path coverage. It must not change what the engine does.
        self.observer = observer
        # The words a Gather hints, by (node, its languages, the call's): worked out from the flows once each.
        self._words: dict[tuple[str, tuple[str, ...], str], tuple[str, ...]] = {}

    def start(self, state: CallState, entry: str | None = None) -> tuple[CallState, Step]:
        """Begin a call at the line's entry node, or at one of its named `entries`."""
        state = state.copy()
        target = self.flowset.entries[entry] if entry else self.flowset.entry
        return state, self._run(state, target, [])

    def resume(self, state: CallState, event: CallInput | TransferEnded) -> tuple[CallState, Step]:
        """Go on from the node the call waits at, given what happened there."""
        state = state.copy()
        node = self.flowset.node(state.node)
        if isinstance(event, TransferEnded):
            return state, self._after_transfer(state, node, event)
        if event.silent:
            return state, self._failure(state, node, "no_input", [])
        if state.more_time:
            state.tries = 0  # the caller is back: they get the full set of retries again
        return state, self._answer(state, node, event)

    def _answer(self, state: CallState, node: Node, given: CallInput) -> Step:
        """Follow a menu choice, a global key, or an input node's action."""
        heard = understand(self.flowset, node, state.lang, given.digits, given.speech)
        if node.type == "menu" and heard.choice:
            state.vars.update(heard.choice.sets)
            state.lang = heard.choice.sets.get("lang", state.lang)
            state.lang_chosen = state.lang_chosen or "lang" in heard.choice.sets
            if not node.bilingual:  # the language choice is no reason; every other choice is
                labels = [menu_label(o.words.get("en", ()), o.key) for o in heard.choice.path
                          if o.means not in ("yes", "no")]  # a confirmation is no reason
                state.vars["menu_path"] = " > ".join(filter(None, [state.vars.get("menu_path", ""), *labels]))
            return self._run(state, heard.choice.goto, [])
        if node.type == "menu" and heard.between:
            return self._clarify(state, node, heard.between)
        if self._offers_switch(state, node) and asks_to_switch(self.flowset.key_words, state.lang, given.digits,
                                                                given.speech):
            state.lang = state.vars["lang"] = other_language(state.lang)
            return self._run(state, node.qualified, [])
        key = heard.global_key
        if key == "*":
            return self._run(state, node.back or node.qualified, [])
        if key == "0" and is_tty(state) and "tty" in self.flowset.entries:
            return self._run(state, self.flowset.entries["tty"], [])  # a TTY caller's agent is a TTY agent
        if key == "0" and self.flowset.global_keys.get("0"):
            # The agent learns the caller asked for one here: "case status > agent".
            label = menu_label(self.flowset.key_words.get(("0", "en"), ()), "0")
            state.vars["menu_path"] = " > ".join(filter(None, [state.vars.get("menu_path", ""), label]))
            return self._run(state, self.flowset.global_keys["0"], [])
        if node.type == "input":
            result = self._call(state, node, given)
            if result.event != "no_match":
                return self._follow(state, node, result, [*result.says])
            return self._failure(state, node, "no_match", list(result.says))
        return self._failure(state, node, "no_match", [])

    def _clarify(self, state: CallState, node: Node, between: tuple[Choice, ...]) -> Step:
        """Ask which of two choices the caller meant (it counts as a try: a caller who keeps
        saying both is not asked forever)."""
        state.tries += 1
        if state.tries > node.retries:
            return self._run(state, node.give_up or self.flowset.give_up, [])
        first, second = between
        params = {"choice_1": first.label(state.lang), "choice_2": second.label(state.lang)}
        by_key = first.key is not None and second.key is not None
        if by_key:
            params.update(key_1=first.key or "", key_2=second.key or "")
        says = (Say(CLARIFY_BY_KEY if by_key else CLARIFY, params, node.bilingual),)
        return self._step(state, node, list(says), self._gather(state, node))

    def _failure(self, state: CallState, node: Node, kind: str, says: list[Say]) -> Step:
        """Re-prompt (the last time saying more), offer more time once, then give up."""
        state.tries += 1
        if state.tries <= node.retries:
            last = node.reprompt if state.tries == node.retries and node.reprompt else None
            # A re-prompt speaks the same variables as the prompt it repeats (a slot, a number).
            says += [Say(sorry(kind), bilingual=node.bilingual),
                     Say(last or node.prompt or "", self._params(state, node), node.bilingual)]
            return self._step(state, node, says, self._gather(state, node))
        if kind == "no_input" and not state.more_time:
            state.more_time = True
            says.append(Say(MORE_TIME, bilingual=node.bilingual))
            return self._step(state, node, says, self._gather(state, node, MORE_TIME_TIMEOUT))
        return self._run(state, node.give_up or self.flowset.give_up, says)

    def _after_transfer(self, state: CallState, node: Node, ended: TransferEnded) -> Step:
        """After the agent leg: end the call, or follow the node's `left` or `failed` branch."""
        event = "left" if ended.left and "left" in node.on else "failed"
        if ended.ok or event not in node.on:
            return self._step(state, node, [], Hangup())
        return self._run(state, node.on[event], [])

    def _call(self, state: CallState, node: Node, given: CallInput | None) -> ActionResult:
        """Run a node's named action, held to its contract; its prompts speak the call's variables."""
        name = node.action or ""
        contract = self.contracts.get(name)
        result = self.actions[name](ActionContext(state=state, node=node, input=given, contract=contract))
        if contract is not None:
            contract.check_result(result.event, result.vars, [say.prompt for say in result.says])
        state.vars.update(result.vars)
        params = self._params(state, node)
        return ActionResult(result.event, result.vars, tuple(Say(s.prompt, {**params, **s.params}, s.bilingual)
                                                             for s in result.says))

    def _follow(self, state: CallState, node: Node, result: ActionResult, says: list[Say]) -> Step:
        """Go where an action's event leads."""
        return self._run(state, _target_of(node, result.event), says)

    def _params(self, state: CallState, node: Node) -> dict[str, str]:
        """What a node's prompts may speak: its `with:` values and the call's variables."""
        return {**node.params, **state.vars}

    def _run(self, state: CallState, target: str, says: list[Say]) -> Step:
        """Walk nodes from `target`, collecting prompts, until one waits or ends the call."""
        for _ in range(MAX_HOPS):
            node = self.flowset.node(target)
            state.node = node.qualified
            state.entered.append((node.qualified, ""))
            if self.observer:
                self.observer(node.qualified, state.lang)
            if node.type in ("menu", "input"):
                state.tries, state.more_time = 0, False
            if node.prompt and node.type != "action":
                says.append(Say(node.prompt, self._params(state, node), node.bilingual))
            if node.type == "say":
                target = node.next or ""
            elif node.type == "action":
                result = self._call(state, node, None)
                state.entered[-1] = (node.qualified, result.event)
                says.extend(result.says)
                target = _target_of(node, result.event)
            else:
                return self._step(state, node, says, self._end(state, node))
        raise EngineError(f"flow passed {MAX_HOPS} nodes without waiting for the caller (at {target})")

    def _offers_switch(self, state: CallState, node: Node) -> bool:
        """Whether a menu offers the other language: the line declares the key and a language is chosen."""
        return node.type == "menu" and not node.bilingual and state.lang_chosen and (
            (SWITCH_KEY, state.lang) in self.flowset.key_words)

    def _step(self, state: CallState, node: Node, says: list[Say], end: Gather | Transfer | Hangup) -> Step:
        """The turn: at a menu the offer to switch language comes last, in the other language's voice."""
        if isinstance(end, Gather) and end.node == node.qualified and self._offers_switch(state, node):
            says = [*says, Say(SWITCH_LANGUAGE, lang=other_language(state.lang))]
        return Step(state.lang, tuple(says), end, bilingual=not state.lang_chosen, tty=is_tty(state))

    def _end(self, state: CallState, node: Node) -> Gather | Transfer | Hangup:
        """How a turn ends at a waiting or final node."""
        if node.type == "transfer":
            return Transfer(node.qualified, node.tier or "", handover(state, node.tier or ""))
        if node.type == "hangup":
            return Hangup()
        return self._gather(state, node)

    def _gather(self, state: CallState, node: Node, timeout: int | None = None) -> Gather:
        """The Gather for an input node, with the words worth hinting to the recogniser."""
        default = INPUT_TIMEOUT if node.type == "input" else MENU_TIMEOUT
        # A TTY call is keypad-only from start to end, whatever the flow's nodes allow.
        speech = node.speech and not is_tty(state)
        return Gather(node.qualified, speech, self._hinted(node, state.lang) if speech else (),
                      node.hints if speech else None, node.max_digits, timeout or default)

    def _hinted(self, node: Node, lang: str) -> tuple[str, ...]:
        """The words worth hinting at a node: its options' (and those below it) and the global keys'."""
        langs = LANGUAGES if node.bilingual else (lang,)
        key = (node.qualified, langs, lang)
        if key not in self._words:
            heard = [c.path[-1] for c in choices(self.flowset, node)] if node.type == "menu" else []
            words = [w for o in heard for la in langs
                     for w in (*o.words.get(la, ()), *o.asks.get(la, ()), *o.topics.get(la, ()))]
            words += [w for k in ("0", "*") for w in self.flowset.key_words.get((k, lang), ())]
            self._words[key] = tuple(dict.fromkeys(words))
        return self._words[key]
