"""Path coverage: the shipped scenarios visit every node of the shipped flows, in both languages."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from ivr import create_app
from ivr.actions.registry import KNOWN
from ivr.config import ROOT
from ivr.flows.flowset import Known, load_flowset
from ivr.harness.coverage import reachable, universe
from ivr.harness.local import LocalBackend
from ivr.harness.reports import coverage_text
from ivr.harness.suite import run_files, scenario_files
from ivr.harness.visits import measure

SHIPPED = ROOT / "tests" / "scenarios"
# Reached only by the outbound call the IVR places for a booked callback: scenarios place inbound calls.
SURVEY = """\
version: 1
flow: survey
start: thanks
nodes:
  thanks: {type: say, prompt: survey_thanks, next: common.goodbye}
prompts:
  survey_thanks:
    en: "Thank you for taking our survey."
    es: "Gracias por responder nuestra encuesta."
"""


def run_shipped(tmp_path):
    """Run every shipped scenario in-process; return the run's result."""
    backend = LocalBackend(create_app, tmp_path)
    try:
        return run_files(scenario_files([SHIPPED]), backend, backend.flowset)
    finally:
        backend.close()


@pytest.fixture(scope="module")
def shipped_run(tmp_path_factory):
    """One run of the shipped scenarios against the shipped flows."""
    return run_shipped(tmp_path_factory.mktemp("coverage"))


def test_the_shipped_scenarios_all_pass(shipped_run):
    failed = [o.message for o in shipped_run.outcomes if o.status != "passed"]
    assert not failed, "\n\n".join(failed)


def test_the_shipped_scenarios_visit_every_node_in_both_languages(shipped_run):
    missed = shipped_run.coverage.missed_nodes()
    assert not missed, "nodes no scenario visits:\n" + coverage_text(shipped_run.coverage)


def test_the_shipped_scenarios_run_in_english_and_spanish(shipped_run):
    languages = {o.scenario.language for o in shipped_run.outcomes}
    assert languages == {"en", "es"}


def test_a_node_added_without_a_scenario_is_named_as_never_visited(shipped_run, tmp_path):
    flows = tmp_path / "flows"
    shutil.copytree(ROOT / "call_flows", flows)
    (flows / "survey.yaml").write_text(SURVEY, encoding="utf-8")
    backend = LocalBackend(create_app, tmp_path, str(flows))
    try:
        flowset = backend.flowset  # what the harness's apps run with these flows
    finally:
        backend.close()
    # Nothing leads to the new flow, so the shipped calls go as they went: measure them against it.
    coverage = measure(flowset, [e for o in shipped_run.outcomes for e in o.exchanges], in_process=True)
    assert coverage.missed_nodes() == {"survey.thanks": ["en", "es"]}
    assert coverage.node_percent < 100
    assert "  survey.thanks (en, es)" in coverage_text(coverage)
    assert "survey.thanks [en]: next -> common.goodbye" in coverage_text(coverage)


def test_nodes_passed_before_the_language_menu_count_in_english_only():
    flowset = load_flowset(ROOT / "call_flows", KNOWN)
    nodes, _ = universe(flowset)
    assert ("main.main_menu", "es") in nodes and ("main.opening", "es") in nodes  # bilingual: heard in both
    assert ("tty.start", "en") in nodes and ("tty.start", "es") not in nodes


def test_reachability_follows_a_language_choice(tmp_path):
    flows = tmp_path / "flows"
    flows.mkdir()
    (flows / "line.yaml").write_text(textwrap.dedent("""\
        version: 1
        line:
          entry: t.pick
          give_up: t.bye
          voices: {en: Polly.Joanna, es: Polly.Lupe}
          keys:
            "0": {goto: t.bye, words: {en: [agent], es: [agente]}}
            "*": {words: {en: [back], es: [atras]}}
        flow: t
        start: pick
        nodes:
          pick:
            type: menu
            bilingual: true
            prompt: pick
            options:
              - {key: "2", goto: bye, set: {lang: es}}
          bye: {type: hangup, prompt: pick}
          orphan: {type: hangup, prompt: pick}
        prompts:
          pick: {en: "Press 2.", es: "Oprima 2."}
          sorry_no_input: {en: "Nothing.", es: "Nada."}
          sorry_no_match: {en: "What?", es: "¿Qué?"}
          clarify: {en: "{choice_1} or {choice_2}?", es: "¿{choice_1} o {choice_2}?"}
          clarify_by_key: {en: "{key_1} or {key_2}?", es: "¿{key_1} o {key_2}?"}
          more_time: {en: "More time?", es: "¿Más tiempo?"}
    """), encoding="utf-8")
    flowset = load_flowset(flows, Known(contracts={}, tiers=(), code_prompts={}))
    assert reachable(flowset) == {("t.pick", "en"), ("t.pick", "es"), ("t.bye", "en"), ("t.bye", "es")}
    nodes, _ = universe(flowset)
    assert {("t.orphan", "en"), ("t.orphan", "es")} <= nodes  # reached by nothing: missed in both
