"""What calls visited, worked out from their webhooks (node=, lang=), the caller's input and the nodes entered."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from ivr.domain.contact_center import AGENT_REACHED, LANGUAGES
from ivr.flows.matching import understand
from ivr.flows.model import FlowSet, Node
from ivr.flows.steps import CallInput
from ivr.harness.coverage import END, SAME, Coverage, Transition, event_label, universe
from ivr.harness.recording import Exchange


def _known(flowset: FlowSet, qualified: str | None) -> Node | None:
    """The node a URL names, or None (a node that no longer exists, or no node at all)."""
    flow, _, node = (qualified or "").partition(".")
    return flowset.flows[flow].nodes.get(node) if flow in flowset.flows else None


def _langs(node: Node, lang: str) -> tuple[str, ...]:
    """A bilingual node is heard in every language at once."""
    return LANGUAGES if node.bilingual else (lang,)


def trigger_of(flowset: FlowSet, node: Node, lang: str, params: dict, entered: list) -> str:
    """What the caller's input did at a waiting node, as the engine would decide it."""
    confidence = params.get("Confidence")
    given = CallInput(params.get("Digits") or None, params.get("SpeechResult") or None,
                      float(confidence) if confidence else None)
    if given.silent:
        return "give up" if entered else "silence"
    heard = understand(flowset, node, lang, given.digits, given.speech)
    if node.type == "menu" and heard.choice:
        return f"{'key' if given.digits else 'say'} {heard.choice.path[0].key}"
    if node.type == "menu" and heard.between:
        return "clarify"
    key = heard.global_key
    if key == "*":
        return "back" if node.back else "repeat"
    if key == "0" and flowset.global_keys.get("0"):
        return "key 0"
    if node.type == "input" and entered:
        return event_label(node, entered[0])
    return "give up" if entered else "nonsense"


def _first_transition(flowset: FlowSet, exchange: Exchange, entered: list) -> tuple[Transition, str] | None:
    """The transition out of the node a Gather or transfer-result webhook answers."""
    node, lang = _known(flowset, exchange.query("node")), exchange.query("lang") or "en"
    if node is None:
        return None
    if exchange.path.endswith("/gather"):
        trigger = trigger_of(flowset, node, lang, exchange.params, entered)
    elif exchange.path.endswith("/transfer-result") and node.type == "transfer":
        if not entered:
            outcome = exchange.params.get("DialCallStatus") or exchange.params.get("QueueResult")
            return (Transition(node.qualified, "answered", END), lang) if outcome in AGENT_REACHED else None
        trigger = event_label(node, entered[0])
    else:
        return None
    return Transition(node.qualified, trigger, entered[0] if entered else SAME), lang


def _chain(flowset: FlowSet, entered: list[tuple[str, str]]) -> Iterable[tuple[Transition, str]]:
    """The transitions between nodes entered one after another (say `next`, action events)."""
    for (a, lang), (b, _) in zip(entered, entered[1:], strict=False):
        node = flowset.node(a)
        yield Transition(a, "next" if node.type == "say" else event_label(node, b), b), lang


def observed(flowset: FlowSet, exchanges: Iterable[Exchange]) -> tuple[Counter, Counter]:
    """How often each (node, lang) and (Transition, lang) was visited, from in-process exchanges."""
    nodes: Counter = Counter()
    transitions: Counter = Counter()
    for exchange in exchanges:
        entered = list(exchange.entered or ())
        first = _first_transition(flowset, exchange, [n for n, _ in entered])
        for transition, lang in ([first] if first else []) + list(_chain(flowset, entered)):
            transitions.update((transition, la) for la in _langs(flowset.node(transition.node), lang))
        for name, lang in entered:
            nodes.update((name, la) for la in _langs(flowset.node(name), lang))
    return nodes, transitions


def named_in_answers(flowset: FlowSet, exchanges: Iterable[Exchange]) -> Counter:
    """How often a served IVR named each (node, lang) in its answers' Gather and transfer action URLs."""
    nodes: Counter = Counter()
    for exchange in exchanges:
        try:
            root = ET.fromstring(exchange.body)
        except ET.ParseError:
            continue
        for verb in root.iter():
            query = parse_qs(urlsplit(verb.get("action") or "").query)
            node = _known(flowset, query.get("node", [""])[0])
            if node is not None and node.type in ("menu", "input", "transfer"):
                nodes.update((node.qualified, la) for la in _langs(node, (query.get("lang") or ["en"])[0]))
    return nodes


def measure(flowset: FlowSet, exchanges: list[Exchange], in_process: bool) -> Coverage:
    """Coverage of the flows by the exchanges of a run."""
    if in_process:
        nodes, transitions = universe(flowset)
        node_visits, transition_visits = observed(flowset, exchanges)
        return Coverage(nodes, transitions, set(node_visits), set(transition_visits) & transitions,
                        "in-process: every node the engine entered", node_visits, transition_visits)
    nodes, _ = universe(flowset, webhook_only=True)
    named = named_in_answers(flowset, exchanges)
    return Coverage(nodes, set(), set(named), set(),
                    "over --url: only menu, input and transfer nodes are known (they are named in the "
                    "webhooks' URLs); say and action nodes, and transitions, are not measured", named)
