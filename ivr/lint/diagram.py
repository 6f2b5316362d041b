"""Flow diagrams people would rather look at than read: Graphviz DOT and Mermaid, from the lint model.

Menus are diamonds, inputs parallelograms, actions hexagons, transfers and hangups stand out in
colour; each node shows its id and the first words of its English prompt, each arrow the key
(and first word), event or step that takes it. The line's global keys (0, *) and give_up
apply at every menu and are noted once, not drawn everywhere.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from ivr.lint.model import Edge, LintModel, LintNode, text_of

LABEL_WORDS = 6  # words of the English prompt shown on a node
RENDERED = ("svg", "png")  # formats Graphviz's `dot` program draws

DOT_STYLE = {
    "say": 'shape=box, style="rounded"',
    "menu": 'shape=diamond, style=filled, fillcolor="#fff3c4"',
    "input": 'shape=parallelogram, style=filled, fillcolor="#d7e8fb"',
    "action": 'shape=hexagon, style=filled, fillcolor="#eeeeee"',
    "transfer": 'shape=cds, style="filled,bold", fillcolor="#c8e6c9"',
    "hangup": 'shape=octagon, style="filled,bold", fillcolor="#ffcdd2"',
}
WALKED_NODE = ', color="#c62828", penwidth=3'  # a node a call's path entered
WALKED_ARROW = ', color="#c62828", penwidth=2.5'  # an arrow it took
MERMAID_SHAPE = {"say": '["{}"]', "menu": '{{"{}"}}', "input": '[/"{}"/]', "action": '{{{{"{}"}}}}',
                 "transfer": '[["{}"]]', "hangup": '(("{}"))'}


class GraphvizError(RuntimeError):
    """Graphviz cannot draw SVG or PNG: its `dot` program is not installed, or it failed."""


@dataclass(frozen=True)
class Picture:
    """What to draw: nodes by flow, targets outside the chosen flow, and labelled arrows."""

    nodes: list[LintNode]
    outside: list[str]
    arrows: list[tuple[str, str, str, bool]]  # from, to, label, dashed (give_up)
    entries: list[tuple[str, str]]  # how a call comes in ("call", "tty", "callback"), and where


def picture(model: LintModel, flow: str | None = None) -> Picture:
    """The nodes and arrows of every flow, or of one flow with stubs for where it leads outside."""
    nodes = [n for n in model.nodes.values() if flow is None or n.flow == flow]
    drawn = {n.qualified for n in nodes}
    arrows = [(n.qualified, e.target, _arrow_label(e, n), e.label == "give_up")
              for n in nodes for e in n.edges() if e.target in model.nodes]
    outside = list(dict.fromkeys(to for _, to, _, _ in arrows if to not in drawn))
    ways_in = model.line.entries().items() if model.line else ()
    entries = [(name.removeprefix("entry").strip() or "call", target) for name, (target, _) in ways_in
               if target in drawn]
    return Picture(nodes, outside, arrows, entries)


def node_label(model: LintModel, node: LintNode) -> str:
    """The node's id, then what it does: its English prompt's first words, its action or tier."""
    prompt = model.prompts.get(node.field("prompt") or "")
    words = (prompt.texts.get("en", "") if prompt else "").split()
    said = " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")
    detail = [f"action: {node.field('action')}" if node.field("action") else "",
              f"tier: {node.field('tier')}" if node.field("tier") else "", f"“{said}”" if said else ""]
    return "\n".join([node.id, *filter(None, detail)])


def _arrow_label(edge: Edge, node: LintNode) -> str:
    """What takes an arrow: a key and its first word, an event, back (*) or give up."""
    if edge.label.startswith("key "):
        key = edge.label[len("key "):]
        words = next((o.get("words") for o in node.options() if o.get("key") == key), None)
        spoken = words.values() if isinstance(words, dict) else []
        first = next((text_of(w[0]) for w in spoken if isinstance(w, list) and w), None)
        return f"{key} · {first}" if first else key
    return {"next": "", "back": "*", "give_up": "give up"}.get(edge.label, edge.label)


def _dot_style(node: LintNode) -> str:
    """The DOT shape and style of a node's type; a plain box for a type that is missing or unknown."""
    return DOT_STYLE.get(node.type or "", "shape=box")


def to_dot(model: LintModel, flow: str | None = None, path: Sequence[str] = ()) -> str:
    """The flows as a Graphviz DOT graph; a call's `path` (nodes in order) is drawn over it in red."""
    drawn = picture(model, flow)
    steps: dict[str, list[str]] = {}
    for number, node in enumerate(path, start=1):
        steps.setdefault(node, []).append(str(number))
    taken = set(zip(path, path[1:], strict=False))
    out = ["digraph flows {", '  rankdir=TB; node [fontname="Helvetica", fontsize=11];',
           "  newrank=true;  # the older ranking fails on the flows' many clusters (trouble in init_rank)",
           '  edge [fontname="Helvetica", fontsize=9];']
    for name in dict.fromkeys(n.flow for n in drawn.nodes):
        out += [f'  subgraph "cluster_{name}" {{', f'    label="{name}"; style="rounded"; color="#999999";']
        out += [f'    "{n.qualified}" [label="{_dot(_walked_label(model, n, steps))}", {_dot_style(n)}'
                f'{WALKED_NODE if n.qualified in steps else ""}];' for n in drawn.nodes if n.flow == name]
        out.append("  }")
    out += [f'  "{target}" [label="{target}", shape=box, style=dashed];' for target in drawn.outside]
    for name, target in drawn.entries:
        out += [f'  "({name})" [shape=circle, label="{name}", style=filled, fillcolor=black, fontcolor=white];',
                f'  "({name})" -> "{target}";']
    out += [f'  "{a}" -> "{b}" [label="{_dot(label)}"{", style=dashed" if dashed else ""}'
            f'{WALKED_ARROW if (a, b) in taken else ""}];' for a, b, label, dashed in drawn.arrows]
    out += [f'  label="{_dot(_line_note(model))}"; labelloc=b;', "}"]
    return "\n".join(out) + "\n"


def _walked_label(model: LintModel, node: LintNode, steps: dict[str, list[str]]) -> str:
    """A node's label, with the steps of a call's path that entered it."""
    label = node_label(model, node)
    return f"{label}\nstep {', '.join(steps[node.qualified])}" if node.qualified in steps else label


def to_mermaid(model: LintModel, flow: str | None = None) -> str:
    """The flows as a Mermaid flowchart, for Markdown."""
    drawn = picture(model, flow)
    ids = {n.qualified: f"n{i}" for i, n in enumerate(drawn.nodes)}
    ids |= {target: f"x{i}" for i, target in enumerate(drawn.outside)}
    out = ["flowchart TD", f"  %% {_line_note(model)}"]
    for name in dict.fromkeys(n.flow for n in drawn.nodes):
        out.append(f"  subgraph flow_{name} [{name}]")
        for node in (n for n in drawn.nodes if n.flow == name):
            shape = MERMAID_SHAPE.get(node.type or "", MERMAID_SHAPE["say"])
            out.append(f"    {ids[node.qualified]}{shape.format(_mm(node_label(model, node)))}")
        out.append("  end")
    out += [f'  {ids[target]}["{_mm(target)}"]:::outside' for target in drawn.outside]
    out += [f'  in_{name}(("{name}")) --> {ids[target]}' for name, target in drawn.entries]
    for a, b, label, dashed in drawn.arrows:
        arrow = "-.->" if dashed else "-->"
        out.append(f'  {ids[a]} {arrow}|"{_mm(label)}"| {ids[b]}' if label else f"  {ids[a]} {arrow} {ids[b]}")
    out.append("  classDef outside stroke-dasharray: 5 5")
    return "\n".join(out) + "\n"


def render(dot_source: str, fmt: str) -> bytes:
    """Draw a DOT graph as SVG or PNG with Graphviz's `dot` program."""
    program = shutil.which("dot")
    if program is None:
        raise GraphvizError("Graphviz's `dot` program is not installed (apt-get install graphviz, "
                              "brew install graphviz); --format dot or mermaid need nothing else")
    done = subprocess.run([program, f"-T{fmt}"], input=dot_source.encode(), capture_output=True, check=False)
    if done.returncode != 0:
        raise GraphvizError(f"dot failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


_KEY_ROLES = {"9": "the other language"}  # the global keys with no goto, besides * (back / repeat)


def _line_note(model: LintModel) -> str:
    """The line's global keys and give_up, which every menu shares."""
    if not model.line:
        return "no line section"
    keys = ", ".join(f"{key} -> {goto or _KEY_ROLES.get(key, 'back / repeat')}"
                     for key, (goto, _) in model.line.keys().items())
    return f"at every menu: {keys}; silence or nonsense -> {model.line.target('give_up')}"


def _dot(text: str) -> str:
    """Text inside a DOT double-quoted string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _mm(text: str) -> str:
    """Text inside a Mermaid quoted label."""
    return text.replace('"', "#quot;").replace("\n", "<br/>")
