"""A next, option, event, back, give_up, start or line target names a node that does not exist.

A call that follows such a target breaks, and the app refuses to start. Targets are `node`
(same flow) or `flow.node`; the line's entry, entries, give_up and global keys must name
`flow.node`.
When a file cannot be read at all (IVR000), targets in flows the linter has not seen are not
reported: they may well be in that file.

Passing::

    nodes:
      hello: {type: say, prompt: hello, next: common.goodbye}

Failing::

    nodes:
      hello: {type: say, prompt: hello, next: common.goodby}   # no such node
"""

from __future__ import annotations

from ivr.lint.problem import ERROR, Problem

ID = "IVR001"
NAME = "unknown-target"
SEVERITY = ERROR


def check(model, known):
    """Every target that names no node (of a flow that was read: a broken file is IVR000's)."""
    for node in model.nodes.values():
        for edge in node.edges():
            if _unknown(model, edge.target):
                yield Problem(node.file, edge.line, node.id, f"{edge.label} leads to unknown node '{edge.target}'")
    for flow in model.flows.values():
        if flow.start and f"{flow.name}.{flow.start}" not in model.nodes:
            yield Problem(flow.file, flow.start_line, None, f"start node '{flow.start}' does not exist")
    if model.line:
        yield from _line_targets(model)


def _line_targets(model):
    """The line's entry, give_up and global keys that name no node."""
    line = model.line
    targets = [(name, target, at) for name, (target, at) in line.entries().items()]
    targets += [("give_up", line.target("give_up"), line.line_of("give_up"))]
    targets += [(f"key {key}", goto, at) for key, (goto, at) in line.keys().items()]
    for what, target, at in targets:
        if target and _unknown(model, target):
            hint = "" if "." in target else " (line targets name flow.node)"
            yield Problem(line.file, at, None, f"line {what} leads to unknown node '{target}'{hint}")


def _unknown(model, target: str) -> bool:
    """Whether no node has this name, in a flow that is not in a file the linter could not read."""
    flow_was_read = target.partition(".")[0] in model.flows or not model.unreadable
    return target not in model.nodes and flow_was_read
