"""Small flow sets for the rule tests: a clean base line, and a helper that lints YAML text."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from ivr.flows.contracts import contract
from ivr.lint.linter import lint
from ivr.lint.names import KnownNames
from ivr.lint.reader import read_flows

# The names the rule tests' flows may use: a plain action, a counting one, a tier and hints.
KNOWN = KnownNames(
    contracts={"check": contract("check", events=["yes", "no"]),
               "read_code": contract("read_code", events=["ok", "invalid", "too_many"], counted=True)},
    tiers=frozenset({"tier1"}),
    hints=frozenset({"digits"}),
)

# A clean line: the TTY note, a menu whose key 1 leads to `demo.start`, an agent and a goodbye, and
# the prompts the code speaks itself.
BASE = """\
version: 1
line:
  entry: base.opening
  give_up: base.goodbye
  voices: {en: Polly.Joanna-Neural, es: Polly.Lupe-Neural}
  keys:
    "0": {goto: base.agent, words: {en: [agent], es: [agente]}}
    "*": {words: {en: [back], es: [atras]}}
flow: base
start: opening
nodes:
  opening: {type: say, bilingual: true, prompt: tty_note, next: menu}
  menu:
    type: menu
    prompt: menu
    options:
      - {key: "1", goto: demo.start, words: {en: [demo], es: [demostracion]}}
  agent: {type: transfer, tier: tier1, prompt: hold, on: {failed: goodbye}}
  goodbye: {type: hangup, prompt: goodbye}
prompts:
  tty_note: {en: "TTY users, dial 711.", es: "Usuarios de TTY, marquen 711."}
  menu: {en: "For the demo, press 1.", es: "Para la demostracion, oprima 1."}
  hold: {en: "Please hold.", es: "Por favor, espere."}
  goodbye: {en: "Goodbye.", es: "Adios."}
  # What the code speaks itself (ivr/flows/spoken.py), which every line defines.
  sorry_no_input: {en: "Sorry, I did not hear you.", es: "Disculpe, no le escuché."}
  sorry_no_match: {en: "Sorry, I did not understand.", es: "Disculpe, no le entendí."}
  clarify: {en: "{choice_1} or {choice_2}?", es: "¿{choice_1} o {choice_2}?"}
  clarify_by_key: {en: "{choice_1}: {key_1}. {choice_2}: {key_2}.", es: "{choice_1}: {key_1}. {choice_2}: {key_2}."}
  more_time: {en: "Press any key when you are ready.", es: "Oprima cualquier tecla cuando esté listo."}
  apology: {en: "Sorry: something went wrong.", es: "Lo sentimos: algo salió mal."}
  apology_call_later: {en: "Please call again later.", es: "Por favor, llame más tarde."}
  connecting_tier1: {en: "Connecting you with an agent.", es: "Lo comunicamos con un agente."}
  hold_wait: {en: "About {minutes} minutes.", es: "Unos {minutes} minutos."}
  hold_wait_one: {en: "About 1 minute.", es: "Alrededor de 1 minuto."}
  hold_leave: {en: "To leave the line, press 1.", es: "Para salir de la fila, oprima 1."}
  switch_language: {en: "For English, press 9.", es: "Para español, oprima 9."}
"""

# A clean demo flow, to start a test's own from.
DEMO = """\
version: 1
flow: demo
start: start
nodes:
  start: {type: say, prompt: hello, next: base.goodbye}
prompts:
  hello: {en: "Hello.", es: "Hola."}
"""

# A menu of two choices, each with its own key and words.
TWO_CHOICES = """\
version: 1
flow: demo
start: start
nodes:
  start:
    type: menu
    prompt: choose
    options:
      - {key: "1", goto: base.goodbye, words: {en: [case status], es: [estado]}}
      - {key: "2", goto: base.agent, words: {en: [password], es: [contraseña]}}
prompts:
  choose: {en: "For status, press 1. For passwords, press 2.", es: "Para estado, oprima 1. Para claves, oprima 2."}
"""


def write_flows(directory: Path, demo: str = DEMO, base: str = BASE) -> Path:
    """Write base.yaml and demo.yaml (dedented) into a directory; return it."""
    (directory / "base.yaml").write_text(dedent(base), encoding="utf-8")
    (directory / "demo.yaml").write_text(dedent(demo), encoding="utf-8")
    return directory


def lint_texts(directory: Path, demo: str = DEMO, base: str = BASE, rule: str | None = None,
               known: KnownNames = KNOWN) -> list:
    """The problems of the base and demo flows, all of them or one rule's."""
    write_flows(directory, demo, base)
    problems = lint(read_flows(sorted(directory.glob("*.yaml"))), known)
    return [p for p in problems if rule is None or p.rule == rule]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line number of the nth line of a dedented YAML text that contains `needle`."""
    found = [i for i, line in enumerate(dedent(text).splitlines(), 1) if needle in line]
    return found[nth - 1]
