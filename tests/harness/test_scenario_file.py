"""Scenario files as a quality engineer writes them: what is accepted, and what is refused and where."""

from __future__ import annotations

import textwrap

import pytest

from ivr.harness.expect import (
    Heard,
    SeenTransfer,
    heard_problem,
    no_text_problem,
    plain,
    text_problem,
    transfer_problem,
)
from ivr.harness.scenario import PRESETS, ScenarioError, load_scenario
from ivr.harness.stats import latency_rows, percentile


def write(tmp_path, text: str):
    """A scenario file with that YAML."""
    path = tmp_path / "s.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_full_scenario_reads_as_written(tmp_path):
    s = load_scenario(write(tmp_path, """\
        name: christmas eve
        language: es
        caller: "+13105550100"
        now: 2026-12-24T21:00:00-05:00
        agent: busy
        faults: [database_down]
        steps:
          - press: "2"
          - press: 0
          - say: no
          - say: {words: "estado", confidence: 0.4}
          - silence
          - silence: 2
          - expect_heard: {regex: "oprima [0-9]", in: call}
          - expect_transfer: {queue: tier1}
          - expect_callback: {local_time: "9 a.m."}
          - hangup
          - expect_hangup
    """))
    assert (s.name, s.language, s.caller) == ("christmas eve", "es", "+13105550100")
    assert s.conditions.now == "2026-12-24T21:00:00-05:00"
    assert (s.conditions.agent, s.conditions.faults) == ("busy", ("database_down",))
    assert [step.arg for step in s.steps[:6]] == ["2", "0", ("no", 0.92), ("estado", 0.4), 1, 2]
    assert s.steps[6].arg == {"regex": "oprima [0-9]", "in": "call"}
    assert s.steps[7].arg == ("queue", "tier1")
    assert (s.steps[0].index, s.steps[0].line, s.steps[0].text) == (1, 8, 'press: "2"')


@pytest.mark.parametrize(("preset", "instant"), list(PRESETS.items()))
def test_clock_presets_are_instants(tmp_path, preset, instant):
    s = load_scenario(write(tmp_path, f"language: en\nnow: {preset}\nsteps: [hangup]\n"))
    assert s.conditions.now == instant


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("steps: [hangup]\n", "'language' is a required property"),
    ("language: fr\nsteps: [hangup]\n", "'fr' is not one of"),
    ("language: en\nsteps:\n  - prss: '1'\n", "s.yaml:3: step 1: unknown step 'prss'"),
    ("language: en\nsteps:\n  - press: 123\n", 'quote keys: press: "0123"'),
    ("language: en\nsteps:\n  - say: {words: hi, confidence: 2}\n", "step 1: say:"),
    ("language: en\nagent: asleep\nsteps: [hangup]\n", "s.yaml:2: agent: 'asleep' is not one of"),
    ("language: en\nfaults: [power_cut]\nsteps: [hangup]\n", "faults/0: 'power_cut' is not one of"),
    ("language: en\nnow: 2026-12-24T21:00:00\nsteps: [hangup]\n", "needs a UTC offset"),
    ("language: en\nnow: teatime\nsteps: [hangup]\n", "christmas-eve-9pm"),
    ("language: en\nsteps:\n  - press: '1'\n    say: hi\n", "write one step per list item"),
    ("language: en\nlanguage: es\nsteps: [hangup]\n", "duplicate key 'language'"),
    ("language: [en\n", "YAML syntax"),
    ("language: en\nsteps:\n  - expect_text: {lang: es}\n", "step 1: expect_text: 'link' is a required property"),
    ("language: en\nsteps:\n  - expect_text: {link: x, to: '2025550143'}\n", "step 1: expect_text:"),
    ("language: en\ncaller: '2025550143'\nsteps: [hangup]\n", "s.yaml:2: caller:"),
])
def test_a_bad_scenario_is_refused_saying_where_and_why(tmp_path, yaml_text, message):
    with pytest.raises(ScenarioError, match="s.yaml") as caught:
        load_scenario(write(tmp_path, yaml_text))
    assert message in str(caught.value)


@pytest.mark.parametrize("caller", ["anonymous", "restricted", "sip:alice@pbx.example.gov", "client:alice",
                                    "+12025550143"])
def test_texts_are_checked_for_any_caller_id(tmp_path, caller):
    s = load_scenario(write(tmp_path, f"""\
        language: es
        caller: "{caller}"
        steps:
          - text_line: STOP
          - expect_text: {{link: "https://www.uscis.gov/es/g-28", lang: es}}
          - expect_no_text
        """))
    assert s.caller == caller
    assert [(step.kind, step.arg) for step in s.steps] == [
        ("text_line", "STOP"), ("expect_text", {"link": "https://www.uscis.gov/es/g-28", "lang": "es"}),
        ("expect_no_text", None)]


@pytest.mark.parametrize(("spec", "bodies", "problem"), [
    ({"link": "https://a/g-28", "lang": "es", "to": "+1"}, ["Su página: https://a/g-28 Responda STOP."], None),
    ({"link": "https://a/g-28", "lang": "en", "to": "+1"}, ["Su página: https://a/g-28 Responda STOP."],
     "expected a text to +1 in 'en' with 'https://a/g-28' since the call began, got 'Su página"),
    ({"link": "https://a/i-485", "lang": "es", "to": "+1"}, ["Su página: https://a/g-28 Responda STOP."],
     "with 'https://a/i-485'"),
    ({"link": "https://a/g-28", "lang": "es", "to": "+1"}, [], "got no text"),
])
def test_expect_text_wants_the_link_in_the_language(spec, bodies, problem):
    messages = {"en": "Your page: {link} Reply STOP.", "es": "Su página: {link} Responda STOP."}
    found = text_problem(spec, bodies, messages)
    assert found == problem if problem is None else problem in found
    assert (no_text_problem("+1", bodies) is None) == (not bodies)


@pytest.mark.parametrize(("spec", "heard", "ok"), [
    ({"text": "menu principal"}, "Para regresar al Menú  Principal, oprima 1.", True),
    ({"text": "ESPAÑOL"}, "Para español, oprima 2.", True),
    ({"text": "press 3"}, "press 2", False),
    ({"regex": r"number \d in line"}, "You are number 1 in line.", True),
    ({"regex": "tramite acelerado"}, "una solicitud de trámite acelerado", True),
])
def test_expect_heard_ignores_case_accents_and_spacing(spec, heard, ok):
    problem = heard_problem({"in": "turn", **spec}, Heard(turn=heard, call=heard))
    assert (problem is None) == ok
    assert plain("  Menú\tPrincipal ") == "menu principal"


def test_expect_heard_looks_at_the_turn_unless_told_the_whole_call():
    heard = Heard(turn="For English, press 1.", call="Welcome. For English, press 1.")
    assert heard_problem({"text": "Welcome", "in": "turn"}, heard) == \
        "expected to hear 'Welcome' since the caller's last action"
    assert heard_problem({"text": "Welcome", "in": "call"}, heard) is None
    assert heard_problem({"text": "Welcome", "in": "call"}, heard, wanted=False) == \
        "did not expect to hear 'Welcome' in the whole call"


@pytest.mark.parametrize(("spec", "transfers", "problem"), [
    (("tier", "tier3"), [SeenTransfer("tier3", "queue", "tier3")], None),
    (("queue", "vawa"), [SeenTransfer("tier3", "queue", "vawa")], None),
    (("tier", "tier2"), [SeenTransfer("tier1", "queue", "tier1")],
     "expected a transfer to tier tier2 since the caller's last action, got tier1 (queue:tier1)"),
    (("tier", "none"), [], None),
    (("tier", "none"), [SeenTransfer(None, "number", "+12025550101")],
     "expected no transfer, got ? (number:+12025550101)"),
])
def test_expect_transfer(spec, transfers, problem):
    assert transfer_problem(spec, transfers) == problem


@pytest.mark.parametrize(("values", "p", "expected"), [
    ([], 50, 0.0),
    ([5.0], 99, 5.0),
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5),
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10),
    (list(range(1, 101)), 99, 99),
    ([10, 1, 5], 0, 1),
])
def test_percentiles_are_nearest_rank(values, p, expected):
    assert percentile(values, p) == expected


def test_latency_rows_are_per_webhook_path_in_milliseconds():
    rows = latency_rows([("/voice", 0.010), ("/voice/gather", 0.002), ("/voice", 0.030)])
    assert [(r.path, r.count, r.p50, r.max) for r in rows] == [
        ("/voice", 2, 10.0, 30.0), ("/voice/gather", 1, 2.0, 2.0)]
