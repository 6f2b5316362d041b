"""The variables surely set on entry to each node, and the flows refused when a path leaves one unset."""

from __future__ import annotations

from dataclasses import replace
from textwrap import dedent, indent

import pytest

from ivr.flows.contracts import contract
from ivr.flows.dataflow import surely_set
from ivr.flows.flowset import Known, load_flowset
from ivr.flows.loader import FlowError

LINE = """\
version: 1
line:
  entry: t.start
  give_up: t.bye
  voices: {en: Polly.Joanna, es: Polly.Lupe}
  keys:
    "0": {goto: t.agent, words: {en: [agent], es: [agente]}}
    "*": {words: {en: [back], es: [atras]}}
flow: t
start: start
nodes:
"""
TAIL = {"agent": "agent: {type: transfer, tier: tier1, on: {failed: bye}}", "bye": "bye: {type: hangup, prompt: plain}"}
PROMPTS = """\
prompts:
  pick: {en: "Press 1 or 2.", es: "Oprima 1 o 2."}
  plain: {en: "Goodbye.", es: "Adiós."}
  hello: {en: "Hello, {name}.", es: "Hola, {name}."}
"""
KNOWN = Known(contracts={
    "read_name": contract("read_name", events={"ok": ["name"], "odd": (), "no_match": ()}),
    "greet": contract("greet", events=["done"], requires=["name"]),
}, tiers=["tier1"], code_prompts={}, entry_vars={None: frozenset()})


def write(tmp_path, nodes: str, line: str = LINE):
    """A one-flow line (`t`) with these nodes, plus an agent and a goodbye unless they are given."""
    nodes = dedent(nodes) + "".join(f"{text}\n" for name, text in TAIL.items() if f"{name}:" not in nodes)
    (tmp_path / "t.yaml").write_text(line + indent(nodes, "  ") + PROMPTS, encoding="utf-8")
    return tmp_path


def menu(name: str, *options: str, extra: str = "") -> str:
    """A menu node speaking `pick`, with these options (flow-style mappings)."""
    lines = "".join(f"    - {option}\n" for option in options)
    return f"{name}:\n  type: menu\n  prompt: pick\n{extra}  options:\n{lines}"


ONE_BRANCH = menu("start", '{key: "1", goto: greet, set: {name: Ana}}', '{key: "2", goto: greet}') + \
    "greet: {type: say, prompt: hello, next: bye}\n"
BOTH_BRANCHES = ONE_BRANCH.replace('{key: "2", goto: greet}', '{key: "2", goto: greet, set: {name: Eva}}')
BEFORE_A_LOOP = menu("start", '{key: "1", goto: again, set: {name: Ana}}') + \
    'again: {type: menu, prompt: hello, options: [{key: "1", goto: again}, {key: "2", goto: bye}]}\n'
ACTION_SETS = menu("start", '{key: "1", goto: ask}') + \
    "ask: {type: input, prompt: plain, action: read_name, on: {ok: greet, odd: bye}}\n" + \
    'greet: {type: menu, prompt: hello, options: [{key: "1", goto: ask}]}\n'
ACTION_LEAVES = ACTION_SETS.replace("odd: bye", "odd: greet")
BY_ZERO = menu("start", '{key: "1", goto: agent, set: {name: Ana}}') + "agent: {type: say, prompt: hello, next: bye}\n"
BY_GIVE_UP = menu("start", '{key: "1", goto: sorry, set: {name: Ana}}', extra="  give_up: sorry\n") + \
    "sorry: {type: say, prompt: hello, next: bye}\n"
BY_LINE_GIVE_UP = menu("start", '{key: "1", goto: bye, set: {name: Ana}}') + "bye: {type: hangup, prompt: hello}\n"
BY_STAR = menu("start", '{key: "1", goto: greet, set: {name: Ana}}', extra="  back: greet\n") + \
    "greet: {type: say, prompt: hello, next: bye}\n"
REQUIRED = menu("start", '{key: "1", goto: act, set: {name: Ana}}', '{key: "2", goto: act}') + \
    "act: {type: action, action: greet, on: {done: bye}}\n"


@pytest.mark.parametrize("nodes", [BOTH_BRANCHES, BEFORE_A_LOOP, ACTION_SETS, REQUIRED.replace(
    '{key: "2", goto: act}', '{key: "2", goto: act, set: {name: Eva}}')],
    ids=["set on both branches", "set before a loop", "set by an action's event", "required and set"])
def test_a_variable_set_on_every_path_is_accepted(tmp_path, nodes):
    load_flowset(write(tmp_path, nodes), KNOWN)


@pytest.mark.parametrize(("nodes", "node", "reason"), [
    (ONE_BRANCH, "greet", "prompt 'hello' uses {name}, which is not set on every way here (not on t.start -> t.greet)"),
    (ACTION_LEAVES, "greet", "(not on t.start -> t.ask -> t.greet)"),
    (BY_ZERO, "agent", "(not on t.start -> t.agent)"),
    (BY_GIVE_UP, "sorry", "(not on t.start -> t.sorry)"),
    (BY_LINE_GIVE_UP, "bye", "(not on t.start -> t.bye)"),
    (BY_STAR, "greet", "(not on t.start -> t.greet)"),
    (REQUIRED, "act", "action 'greet' requires 'name', which is not set on every way here (not on t.start -> t.act)"),
], ids=["one branch only", "an event that sets nothing", "the 0 key", "the node's give_up", "the line's give_up",
        "the * key's back", "a required variable"])
def test_a_variable_one_path_leaves_unset_is_refused_at_the_node(tmp_path, nodes, node, reason):
    with pytest.raises(FlowError) as refused:
        load_flowset(write(tmp_path, nodes), KNOWN)
    assert (refused.value.node, refused.value.path) == (node, str(tmp_path / "t.yaml"))
    assert reason in refused.value.message


def test_what_a_call_starts_with_counts_as_set(tmp_path):
    line = LINE.replace("  give_up: t.bye\n", "  give_up: t.bye\n  entries: {tty: t.greet}\n")
    flows = write(tmp_path, BOTH_BRANCHES, line)
    load_flowset(flows, replace(KNOWN, entry_vars={None: frozenset(), "tty": frozenset({"name"})}))
    with pytest.raises(FlowError, match=r"uses \{name\}, .*\(not on t\.greet\)"):
        load_flowset(flows, KNOWN)  # an entry the code does not declare starts with nothing


def test_surely_set_meets_every_way_in_and_finds_one_that_leaves_a_variable_out(tmp_path):
    nodes = ONE_BRANCH.replace("next: bye", "next: end") + "end: {type: hangup, prompt: plain}\n"
    flows = write(tmp_path, nodes.replace("prompt: hello", "prompt: plain"))
    flowset = load_flowset(flows, KNOWN)
    found = surely_set(flowset, KNOWN.contracts, KNOWN.entry_vars)
    assert found.on_entry["t.start"] == frozenset() and found.on_entry["t.greet"] == frozenset()
    assert found.on_entry["t.end"] == frozenset()
    assert found.path_without("name", "t.end") == ["t.start", "t.greet", "t.end"]
    assert found.path_without("lang", "t.end") == ["t.start", "t.greet", "t.end"]


def test_only_what_an_event_declares_is_set_along_it(tmp_path):
    flowset = load_flowset(write(tmp_path, ACTION_SETS), KNOWN)
    found = surely_set(flowset, KNOWN.contracts, KNOWN.entry_vars)
    assert found.on_entry["t.greet"] == {"name"}
    assert found.on_entry["t.ask"] == frozenset()  # from start, and back from greet
    assert found.on_entry["t.agent"] == frozenset()  # by the 0 key, from wherever the caller was


def test_a_node_no_call_reaches_has_no_entry_set(tmp_path):
    flowset = load_flowset(write(tmp_path, BOTH_BRANCHES + "orphan: {type: hangup, prompt: hello}\n"), KNOWN)
    assert "t.orphan" not in surely_set(flowset, KNOWN.contracts, KNOWN.entry_vars).on_entry
