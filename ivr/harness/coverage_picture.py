"""Coverage as a picture: each flow drawn per language, nodes and transitions coloured by how often a run visited them.

Never visited is red and dashed; visited is green, deeper the more often (a log scale), with the
count on the node and the arrow. Nodes a run could not measure (say and action nodes over --url)
are grey. Graphviz's `dot` draws the SVG.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ivr.domain.contact_center import LANGUAGES
from ivr.flows.model import FlowSet
from ivr.harness.coverage import END, SAME, Coverage
from ivr.lint.diagram import GraphvizError, render

NEVER = "#ffcdd2"  # fill of a node never visited
UNMEASURED = "#eeeeee"
GREENS = ("#e8f5e9", "#c8e6c9", "#a5d6a7", "#81c784", "#66bb6a", "#43a047")  # few visits -> many
SHAPES = {"say": "box", "menu": "diamond", "input": "parallelogram", "action": "hexagon", "transfer": "cds",
          "hangup": "octagon"}


def _green(count: int, most: int) -> str:
    """A green as deep as the count is large, on a log scale up to the most visited."""
    step = math.log1p(count) / math.log1p(max(most, 1))
    return GREENS[min(len(GREENS) - 1, int(step * (len(GREENS) - 1)))]


def _quoted(text: str) -> str:
    """Text inside a DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def flow_dot(flowset: FlowSet, coverage: Coverage, flow: str, lang: str) -> str:
    """One flow in one language as DOT, coloured by the run's visits."""
    nodes = {n for n, la in coverage.nodes if la == lang and n.startswith(flow + ".")}
    most = max((c for (_, la), c in coverage.node_visits.items() if la == lang), default=1)
    out = [f"digraph {_quoted(f'{flow} ({lang})')} {{", '  rankdir=TB; node [fontname="Helvetica", fontsize=10];',
           '  edge [fontname="Helvetica", fontsize=8];']
    for node in (n for n in flowset.flows[flow].nodes.values() if n.qualified in nodes or not coverage.transitions):
        count = coverage.node_visits.get((node.qualified, lang), 0)
        measured = (node.qualified, lang) in coverage.nodes
        fill = (_green(count, most) if count else NEVER) if measured else UNMEASURED
        style = "filled" if count or not measured else "filled,dashed"
        label = f"{node.id}\n{count}×" if measured else f"{node.id}\n(not measured)"
        out.append(f'  {_quoted(node.qualified)} [label={_quoted(label)}, shape={SHAPES.get(node.type, "box")}, '
                   f'style="{style}", fillcolor="{fill}", tooltip={_quoted(f"{node.qualified} [{lang}]: {count}")}];')
    out += _arrows(coverage, flow, lang)
    return "\n".join([*out, "}"]) + "\n"


def _arrows(coverage: Coverage, flow: str, lang: str) -> list[str]:
    """The flow's transitions in one language: green and counted when taken, red and dashed when not."""
    lines, outside = [], set()
    taken = Counter({t: c for (t, la), c in coverage.transition_visits.items() if la == lang})
    most = max(taken.values(), default=1)
    for transition, la in sorted(coverage.transitions):
        if la != lang or not transition.node.startswith(flow + "."):
            continue
        target = {SAME: transition.node, END: "(end)"}.get(transition.target, transition.target)
        if not target.startswith(flow + "."):
            outside.add(target)
        count = taken[transition]
        look = (f'color="#2e7d32", penwidth={1 + 3 * math.log1p(count) / math.log1p(most):.1f}' if count
                else 'color="#d32f2f", style=dashed')
        label = f"{transition.trigger} ({count})" if count else transition.trigger
        lines.append(f"  {_quoted(transition.node)} -> {_quoted(target)} [label={_quoted(label)}, {look}];")
    return [f'  {_quoted(name)} [shape=plaintext, fontcolor="#555555"];' for name in sorted(outside)] + lines


def coverage_svgs(flowset: FlowSet, coverage: Coverage) -> dict[tuple[str, str], str]:
    """An SVG per (flow, language); empty when Graphviz is not installed."""
    pictures = {}
    for flow in flowset.flows:
        for lang in LANGUAGES:
            if not any(n.startswith(flow + ".") and la == lang for n, la in coverage.nodes):
                continue
            try:
                svg = render(flow_dot(flowset, coverage, flow, lang), "svg").decode("utf-8")
            except GraphvizError:
                return {}
            pictures[(flow, lang)] = re.sub(r"^.*?(?=<svg)", "", svg, flags=re.S)  # inline: no XML prolog
    return pictures
