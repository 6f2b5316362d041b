"""Time the call-flow linter on a 2,000-node flow (Twilio Studio's widget limit).

    python bench/bench_lint.py [--nodes 2000] [--repeat 3]

Writes a generated flow set to a temporary directory (a line file, and one flow of menus,
says, actions and transfers that lints clean), then prints the best time of reading and
linting it, in seconds. Not a test: run it by hand when the rules change.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere in the checkout

from ivr.flows.loader import flow_files  # noqa: E402
from ivr.lint.linter import lint  # noqa: E402
from ivr.lint.project import project_names  # noqa: E402
from ivr.lint.reader import read_flows  # noqa: E402

LINE = """\
version: 1
line:
  entry: common.opening
  give_up: common.goodbye
  voices: {en: Polly.Joanna-Neural, es: Polly.Lupe-Neural}
  keys:
    "0": {goto: common.agent, words: {en: [agent], es: [agente]}}
    "*": {words: {en: [back], es: [atras]}}
flow: common
start: opening
nodes:
  opening: {type: say, bilingual: true, prompt: tty_note, next: big.menu_0}
  agent: {type: transfer, tier: tier1, prompt: hold, on: {failed: goodbye}}
  goodbye: {type: hangup, prompt: goodbye}
prompts:
  tty_note: {en: "TTY users, dial 711.", es: "Usuarios de TTY, marquen 711."}
  hold: {en: "Please hold.", es: "Por favor, espere."}
  goodbye: {en: "Goodbye.", es: "Adios."}
  sorry_no_input: {en: "Sorry, I did not hear you.", es: "Disculpe, no le escuche."}
  sorry_no_match: {en: "Sorry, I did not understand.", es: "Disculpe, no le entendi."}
  more_time: {en: "Press any key when you are ready.", es: "Oprima cualquier tecla cuando este listo."}
  apology: {en: "Sorry: something went wrong.", es: "Lo sentimos: algo salio mal."}
  apology_call_later: {en: "Please call again later.", es: "Por favor, llame mas tarde."}
  connecting_tier1: {en: "Connecting you with an agent.", es: "Lo comunicamos con un agente."}
  hold_wait: {en: "About {minutes} minutes.", es: "Unos {minutes} minutos."}
  hold_leave: {en: "To leave the line, press 1.", es: "Para salir de la fila, oprima 1."}
"""

BLOCK = """\
  menu_{i}:
    type: menu
    prompt: menu_{i}
    back: {back}
    options:
      - {{key: "1", goto: info_{i}, words: {{en: [hours], es: [horario]}}}}
      - {{key: "2", goto: check_{i}, words: {{en: [agent], es: [agente]}}}}
      - {{key: "3", goto: {more}, words: {{en: [more], es: [mas]}}}}
  info_{i}: {{type: say, prompt: info_{i}, next: menu_{i}}}
  check_{i}: {{type: action, action: agents_open, on: {{open: transfer_{i}, closed: closed_{i}}}}}
  transfer_{i}: {{type: transfer, tier: tier1, prompt: hold_{i}, on: {{failed: closed_{i}}}}}
  closed_{i}: {{type: say, prompt: closed_{i}, next: common.goodbye}}
"""

PROMPTS = """\
  menu_{i}:
    en: "For hours, press 1. For an agent, press 2. For more, press 3."
    es: "Para el horario, oprima 1. Para un agente, oprima 2. Para mas, oprima 3."
  info_{i}: {{en: "We answer from 8 to 8, block {i}.", es: "Atendemos de 8 a 8, bloque {i}."}}
  hold_{i}: {{en: "Please hold.", es: "Por favor, espere."}}
  closed_{i}: {{en: "We are closed.", es: "Estamos cerrados."}}
"""


def big_flow(blocks: int) -> str:
    """One flow of `blocks` five-node blocks, each menu leading on to the next."""
    nodes = [BLOCK.format(i=i, back=f"menu_{max(i - 1, 0)}",
                          more=f"menu_{i + 1}" if i + 1 < blocks else "common.goodbye") for i in range(blocks)]
    prompts = [PROMPTS.format(i=i) for i in range(blocks)]
    return "version: 1\nflow: big\nstart: menu_0\nnodes:\n" + "".join(nodes) + "prompts:\n" + "".join(prompts)


def main() -> None:
    """Generate the flows, lint them `--repeat` times, print the best time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "common.yaml").write_text(LINE)
        (Path(directory) / "big.yaml").write_text(big_flow(args.nodes // 5))
        times, problems = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            model = read_flows(flow_files(Path(directory)))
            problems = lint(model, project_names())
            times.append(time.perf_counter() - started)
    print(f"{len(model.nodes)} nodes, {len(problems)} problems: best of {args.repeat} {min(times):.2f} s")
    for problem in problems[:5]:
        print(f"  {problem.file}:{problem.line}: {problem.rule} {problem.text}")


if __name__ == "__main__":
    main()
