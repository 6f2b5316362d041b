"""Score the line's understanding on the labelled set: right, wrong and re-prompted, per language.

Run `python -m tests.flows.labelled_set` to print the figures and every utterance not routed right.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ivr.actions.registry import KNOWN
from ivr.flows.flowset import load_flowset
from ivr.flows.loader import read_yaml
from ivr.flows.matching import understand
from ivr.flows.model import FlowSet, Node
from tests.flows.shipped import SHIPPED

LABELLED = Path(__file__).parent / "labelled"
OUTCOMES = {"0": "agent", "*": "back"}
NOT_CHOSEN = ("ambiguous", "none")


@dataclass(frozen=True)
class Scored:
    """One utterance at one menu: where it should go, where it went, and how that counts."""

    menu: str
    utterance: str
    expected: str
    got: str

    @property
    def verdict(self) -> str:
        """right, re-prompted (a question or the re-prompt instead of the place), or wrong."""
        if self.got == self.expected:
            return "right"
        return "re-prompted" if self.got in NOT_CHOSEN else "wrong"


def outcome(flowset: FlowSet, node: Node, lang: str, utterance: str) -> str:
    """Where the engine's understanding sends an utterance said at a menu."""
    heard = understand(flowset, node, lang, None, utterance)
    if heard.choice:
        return place(flowset, heard.choice.goto)
    if heard.between:
        return "ambiguous"
    return OUTCOMES.get(heard.global_key or "", "none")


def place(flowset: FlowSet, goto: str) -> str:
    """A node as a place: the node the 0 key reaches is `agent`, however the caller got there."""
    return OUTCOMES["0"] if goto == flowset.global_keys.get("0") else goto


def _expected(flowset: FlowSet, node: Node, label: str) -> str:
    """A label as a place: a key of the menu names its option's target."""
    return place(flowset, next((o.goto for o in node.options if o.key == label), label))


def score(lang: str, flowset: FlowSet | None = None) -> list[Scored]:
    """Every labelled utterance of a language, scored against the shipped flows."""
    flowset = flowset or load_flowset(SHIPPED, KNOWN)
    table = read_yaml(LABELLED / f"{lang}.yaml")  # YAML 1.2, as the flows: "yes" and "no" stay words
    scored = []
    for menu, by_label in table.items():
        node = flowset.node(menu)
        for label, utterances in by_label.items():
            expected = _expected(flowset, node, str(label))
            scored += [Scored(menu, str(u), expected, outcome(flowset, node, lang, str(u))) for u in utterances]
    return scored


def shares(scored: list[Scored]) -> dict[str, float]:
    """The share of each verdict."""
    counts = Counter(s.verdict for s in scored)
    return {v: counts[v] / len(scored) for v in ("right", "wrong", "re-prompted")}


def main() -> None:
    """Print the figures per language, then what was not routed right."""
    flowset = load_flowset(SHIPPED, KNOWN)
    for lang in ("en", "es"):
        scored = score(lang, flowset)
        figures = ", ".join(f"{v} {share:.1%}" for v, share in shares(scored).items())
        print(f"{lang}: {len(scored)} utterances: {figures}")
        for s in scored:
            if s.verdict != "right":
                print(f"   {s.verdict:11} {s.menu}: {s.utterance!r} -> {s.got} (expected {s.expected})")


if __name__ == "__main__":
    main()
