"""The flow set as a graph: who leads where, what can be reached, and which loops have no exit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ivr.lint.model import Edge, LintModel, LintNode

Graph = dict[str, list[str]]  # `flow.node` -> the existing nodes it can lead to


def line_edges(model: LintModel, node: LintNode) -> list[Edge]:
    """The ways out the line adds at a menu or input: its give_up (unless the node sets one), and 0."""
    if not node.gathers or not model.line:
        return []
    edges = []
    give_up = model.line.target("give_up")
    if give_up and not node.field("give_up"):
        edges.append(Edge("give_up", give_up, model.line.line_of("give_up")))
    zero, line = model.line.keys().get("0", (None, 0))
    if zero:
        edges.append(Edge("key 0", zero, line, chosen=True))
    return edges


def build_graph(model: LintModel, keep: Callable[[LintNode, Edge], bool] = lambda node, edge: True) -> Graph:
    """Every node's edges to existing nodes, the line's included, that `keep` accepts."""
    graph = {}
    for name, node in model.nodes.items():
        edges = node.edges() + line_edges(model, node)
        graph[name] = [e.target for e in edges if e.target in model.nodes and keep(node, e)]
    return graph


def is_automatic(node: LintNode, edge: Edge) -> bool:
    """Whether the call takes the edge on its own: `next`, or an action's or transfer's event."""
    return not edge.chosen and edge.label != "give_up"


def is_silent(node: LintNode, edge: Edge) -> bool:
    """Whether a silent caller takes the edge: give_up at a menu or input, never past an agent."""
    if node.gathers:
        return edge.label == "give_up"
    return not (edge.chosen or node.ends_call)


def reachable(graph: Graph, starts: Iterable[str]) -> set[str]:
    """The nodes reachable from `starts` (themselves included)."""
    seen = {s for s in starts if s in graph}
    stack = list(seen)
    while stack:
        for target in graph[stack.pop()]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def reversed_graph(graph: Graph) -> Graph:
    """The same edges, pointing back."""
    back: Graph = {name: [] for name in graph}
    for name, targets in graph.items():
        for target in targets:
            back[target].append(name)
    return back


def loops(graph: Graph, exempt: Callable[[str], bool] = lambda name: False) -> list[list[str]]:
    """The loops (strongly connected parts) among the nodes that are not exempt, each in graph order."""
    kept = {name: [t for t in targets if not exempt(t)] for name, targets in graph.items() if not exempt(name)}
    return [part for part in strong_parts(kept) if len(part) > 1 or part[0] in kept[part[0]]]


def strong_parts(graph: Graph) -> list[list[str]]:
    """Tarjan's strongly connected components, without recursion (flows can be thousands deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []

    def visit(name: str) -> tuple[str, Iterator[str]]:
        """Number a node, push it, and return it with its targets still to look at."""
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        return name, iter(graph[name])

    for root in (name for name in graph if name not in index):
        work = [visit(root)]
        while work:
            name, targets = work[-1]
            target = next(targets, None)
            if target is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[name])
                if low[name] == index[name]:
                    parts.append(_pop_part(name, stack, on_stack))
            elif target not in index:
                work.append(visit(target))
            elif target in on_stack:
                low[name] = min(low[name], index[target])
    order = {name: i for i, name in enumerate(graph)}
    return [sorted(part, key=order.__getitem__) for part in parts]


def _pop_part(root: str, stack: list[str], on_stack: set[str]) -> list[str]:
    """Pop one strongly connected component off Tarjan's stack."""
    part = []
    while True:
        name = stack.pop()
        on_stack.discard(name)
        part.append(name)
        if name == root:
            return part
