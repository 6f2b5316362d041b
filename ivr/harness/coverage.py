"""Path coverage: every node and transition of the flows, per language, against what calls visited."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ivr.domain.contact_center import LANGUAGES
from ivr.flows.model import FlowSet, Node

SAME = "(same node)"  # a re-prompt: the caller stays where they are
END = "(end)"  # the call ends there
WEBHOOK_TYPES = ("menu", "input", "transfer")  # the nodes a served IVR names in its URLs


@dataclass(frozen=True, order=True)
class Transition:
    """One way out of a node: what triggers it (key 1, say 1, next, on open, silence...) and where to."""

    node: str
    trigger: str
    target: str

    def __str__(self) -> str:
        return f"{self.trigger} -> {self.target}"


def event_label(node: Node, target: str) -> str:
    """'on a|b': the events of a node that lead to one target (they cannot be told apart by the target)."""
    return "on " + "|".join(sorted(e for e, t in node.on.items() if t == target))


def node_transitions(flowset: FlowSet, node: Node, lang: str) -> set[Transition]:
    """Every transition a node offers in a language."""
    q = node.qualified
    out = {Transition(q, event_label(node, t), t) for t in set(node.on.values())}
    if node.type == "say" and node.next:  # the schema requires it
        out.add(Transition(q, "next", node.next))
    if node.type == "transfer":
        out.add(Transition(q, "answered", END))
    if node.type not in ("menu", "input"):
        return out
    languages = LANGUAGES if node.bilingual else (lang,)
    for option in node.options:
        out.add(Transition(q, f"key {option.key}", option.goto))
        if node.speech and any(option.words.get(la) for la in languages):
            out.add(Transition(q, f"say {option.key}", option.goto))
    if node.back:
        out.add(Transition(q, "back", node.back))
    if node.type == "menu":
        out.add(Transition(q, "nonsense", SAME))
    out |= {Transition(q, "silence", SAME), Transition(q, "give up", node.give_up or flowset.give_up)}
    return out


def _next_states(flowset: FlowSet, node: Node, lang: str):
    """(target, language) pairs a node can lead to; menu choices may switch the language."""
    targets = [node.next, *node.on.values()]
    if node.type in ("menu", "input"):
        targets += [node.back, node.give_up or flowset.give_up, flowset.global_keys.get("0")]
    yield from ((t, lang) for t in targets if t)
    yield from ((o.goto, o.set.get("lang", lang)) for o in node.options)


def reachable(flowset: FlowSet) -> set[tuple[str, str]]:
    """(node, lang) pairs some call can reach; every call starts in English, as a new call's state does."""
    entries = [flowset.entry, *getattr(flowset, "entries", {}).values()]
    todo, seen = [(entry, "en") for entry in entries], set()
    while todo:
        name, lang = todo.pop()
        if (name, lang) in seen:
            continue
        seen.add((name, lang))
        node = flowset.node(name)
        if node.bilingual:  # heard in both languages at once
            seen |= {(name, la) for la in LANGUAGES}
        todo += [state for state in _next_states(flowset, node, lang) if state not in seen]
    return seen


def universe(flowset: FlowSet, webhook_only: bool = False) -> tuple[set, set]:
    """(node, lang) and (Transition, lang) pairs to cover; webhook_only: the nodes a URL names.

    A node no call can reach in a language (one passed before the language menu) is not counted in
    it; a node no call can reach at all counts in every language, so it shows as never visited.
    """
    can_reach = reachable(flowset)
    nodes, transitions = set(), set()
    for node in flowset.nodes():
        if webhook_only and node.type not in WEBHOOK_TYPES:
            continue
        langs = [la for la in LANGUAGES if (node.qualified, la) in can_reach] or list(LANGUAGES)
        for lang in langs:
            nodes.add((node.qualified, lang))
            if not webhook_only:
                transitions |= {(t, lang) for t in node_transitions(flowset, node, lang)}
    return nodes, transitions


@dataclass
class Coverage:
    """What the scenarios visited out of the universe, with a word on how visits were measured."""

    nodes: set
    transitions: set
    seen_nodes: set = field(default_factory=set)
    seen_transitions: set = field(default_factory=set)
    note: str = ""
    node_visits: Counter = field(default_factory=Counter)  # how often each (node, lang) was visited
    transition_visits: Counter = field(default_factory=Counter)  # and each (Transition, lang) taken

    @property
    def node_percent(self) -> float:
        """Share of (node, language) pairs visited, in percent."""
        return 100.0 * len(self.nodes & self.seen_nodes) / len(self.nodes) if self.nodes else 100.0

    def rows(self) -> list[tuple[str, str, int, int, int, int]]:
        """Per flow and language: (flow, lang, nodes seen, nodes, transitions seen, transitions)."""
        counts: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for node, lang in self.nodes:
            row = counts[(node.split(".")[0], lang)]
            row[1] += 1
            row[0] += (node, lang) in self.seen_nodes
        for transition, lang in self.transitions:
            row = counts[(transition.node.split(".")[0], lang)]
            row[3] += 1
            row[2] += (transition, lang) in self.seen_transitions
        return [(flow, lang, nodes_seen, nodes, seen, transitions)
                for (flow, lang), (nodes_seen, nodes, seen, transitions) in sorted(counts.items())]

    def missed_nodes(self) -> dict[str, list[str]]:
        """Nodes never visited, with the languages they were missed in."""
        missed = defaultdict(list)
        for node, lang in sorted(self.nodes - self.seen_nodes):
            missed[node].append(lang)
        return dict(missed)

    def missed_transitions(self) -> dict[tuple[str, str], list[Transition]]:
        """Transitions never taken, by (node, language)."""
        missed = defaultdict(list)
        for transition, lang in sorted(self.transitions - self.seen_transitions):
            missed[(transition.node, lang)].append(transition)
        return dict(missed)
