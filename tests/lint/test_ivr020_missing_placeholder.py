"""IVR020 missing-placeholder: every {placeholder} is set on every path to where its prompt is spoken."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ivr.flows.contracts import contract
from tests.lint.flows import BASE, KNOWN, line_of, lint_texts

NAMES = replace(KNOWN, contracts={
    **KNOWN.contracts,
    "read_name": contract("read_name", events={"ok": ["name"], "no_match": ()}),
    "note": contract("note", events=["noted"], says=["noted"], params=["office"]),
}, code_prompts={"hold_wait": frozenset({"minutes"})})
FLOW = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: input
    prompt: ask
    action: read_name
    on: {ok: greet}
  greet: {type: say, prompt: hello, next: note}
  note:
    type: action
    action: note
    with: {office: the office}
    on: {noted: base.goodbye}
prompts:
  ask: {en: "Say your name.", es: "Diga su nombre."}
  hello: {en: "Hello, {name}.", es: "Hola, {name}."}
  noted: {en: "Sent to {office}.", es: "Enviado a {office}."}
"""


def test_placeholders_set_on_every_path_pass(tmp_path):
    assert lint_texts(tmp_path, FLOW, known=NAMES) == []


@pytest.mark.parametrize(("old", "new", "node", "where", "message"), [
    ("on: {ok: greet}", "back: greet\n    on: {ok: greet}", "greet", "greet:",
     "prompt 'hello' uses {name}, which is not set on every way here "
     "(not on base.opening -> base.menu -> demo.start -> demo.greet)"),
    ("    with: {office: the office}\n", "", "note", "action: note",
     "prompt 'noted', which action 'note' speaks, uses {office}, which is not set on every way here "
     "(not on base.opening -> base.menu -> demo.start -> demo.greet -> demo.note)"),
])
def test_a_placeholder_some_path_leaves_unset_is_reported_where_it_is_spoken(tmp_path, old, new, node, where,
                                                                            message):
    flow = FLOW.replace(old, new)
    [problem] = lint_texts(tmp_path, flow, known=NAMES, rule="IVR020")
    assert (problem.file.rsplit("/", 1)[-1], problem.line, problem.node) == ("demo.yaml", line_of(flow, where), node)
    assert problem.message == message


def test_a_prompt_the_code_speaks_may_use_only_what_the_code_fills(tmp_path):
    base = BASE.replace("About {minutes} minutes.", "About {minutes} minutes, {queue}.").replace(
        "Unos {minutes} minutos.", "Unos {minutes} minutos, {queue}.")
    [problem] = lint_texts(tmp_path, FLOW, base, known=NAMES, rule="IVR020")
    assert (problem.file.rsplit("/", 1)[-1], problem.line, problem.node) == ("base.yaml", line_of(base, "hold_wait:"),
                                                                             None)
    assert problem.message == "prompt 'hold_wait' uses {queue}, but the code that speaks it fills only {minutes}"


def test_nothing_is_said_until_every_file_reads_cleanly(tmp_path):
    flow = FLOW.replace("on: {ok: greet}", "back: greet\n    on: {ok: greet}\n    colour: red")
    assert lint_texts(tmp_path, flow, known=NAMES, rule="IVR020") == []
