"""Pressing 0 at a menu does not reach an agent (a transfer node).

Callers press 0 for a person, everywhere. The line's global key 0 must lead to a transfer
without the caller having to choose again: following next and action or transfer events
(agents may be closed: one way through is enough), never through another menu or input. A menu
that gives 0 an option of its own is checked the same way. A broken global 0 is reported once,
at the line, rather than at every menu.

Passing::

    keys:
      "0": {goto: common.agent, words: {en: [agent], es: [agente]}}
    # common.agent: an action whose `open` event leads to a transfer

Failing::

    keys:
      "0": {goto: main.main_menu, words: {en: [agent], es: [agente]}}   # back to a menu
"""

from __future__ import annotations

from ivr.lint.graph import build_graph, is_automatic
from ivr.lint.problem import ERROR, Problem

ID = "IVR013"
NAME = "zero-to-agent"
SEVERITY = ERROR


def check(model, known):
    """The line's 0 key, and every menu's own 0 option, that reach no transfer."""
    if not model.line:
        return
    graph = build_graph(model, keep=is_automatic)
    goto, line = model.line.keys().get("0", (None, model.line.line_of("keys")))
    if not goto:
        yield Problem(model.line.file, line, None, "the line's key 0 leads nowhere: give it a goto to an agent")
    elif goto in model.nodes and not _reaches_agent(model, graph, goto):
        yield Problem(model.line.file, line, None, f"the line's key 0 leads to '{goto}', which reaches no transfer")
    for node in model.nodes.values():
        for edge in node.edges() if node.type == "menu" else []:
            if edge.label == "key 0" and edge.target in model.nodes and not _reaches_agent(model, graph, edge.target):
                message = f"key 0 leads to '{edge.target}', which reaches no transfer"
                yield Problem(node.file, edge.line, node.id, message)


def _reaches_agent(model, graph, start: str) -> bool:
    """Whether a transfer follows from `start` without another menu or input on the way."""
    seen, stack = {start}, [start]
    while stack:
        node = model.nodes[stack.pop()]
        if node.type == "transfer":
            return True
        if node.gathers:
            continue
        for target in graph[node.qualified]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return False
