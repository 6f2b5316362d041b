"""`flask harness explore`: random calls off the script, the problems it reports and their replay."""

from __future__ import annotations

import yaml

from ivr import create_app
from ivr.harness.explore import explore
from ivr.harness.explore_checks import call_problems
from ivr.harness.explore_cli import scenario_data
from ivr.harness.local import LocalBackend, make_database_unreachable
from ivr.harness.recording import RecordingTransport
from ivr.harness.scenario import Conditions, Scenario
from ivr.harness.simulator import Heard, SimulatedCall

TTY = "+18007671833"


def test_a_clean_run_reports_no_failing_call_and_its_figures(runner):
    result = runner.invoke(args=["harness", "explore", "--calls", "30", "--seed", "7"])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("explored 30 calls with seed 7: 0 failing; ")
    assert "calls with an injected fault" in summary


def test_the_same_seed_places_the_same_calls(tmp_path):
    runs = []
    for name in ("a", "b"):
        backend = LocalBackend(create_app, tmp_path / name)
        try:
            runs.append([(c.scenario.conditions, c.scenario.called, c.steps)
                         for c in explore(backend, backend.flowset, 11, 15, TTY)])
        finally:
            backend.close()
    assert runs[0] == runs[1]
    assert any(len(steps) > 3 for _, _, steps in runs[0])  # the callers do walk the menus


def broken_store_app(config):
    """An app whose database is unreachable although no fault is declared: a bug to be found."""
    app = create_app(config)
    make_database_unreachable(app)
    return app


def test_an_apology_without_a_fault_is_reported_with_a_replay_that_checks_for_it(tmp_path, runner):
    backend = LocalBackend(broken_store_app, tmp_path / "work")
    try:
        explored = explore(backend, backend.flowset, 3, 6, TTY)
    finally:
        backend.close()
    unfaulted = [c for c in explored if not c.scenario.conditions.faults]
    assert unfaulted and all("heard the apology, and no fault was injected" in c.problems for c in unfaulted)

    replay = tmp_path / "replay.yaml"
    data = scenario_data(unfaulted[0], backend.flowset)
    assert {"expect_not_heard": {"text": "We are sorry: something went wrong on our side.", "in": "call"}} \
        in data["steps"]
    replay.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # Replayed against the healthy line, the steps run and the apology check passes.
    result = runner.invoke(args=["harness", "run", str(replay)])
    assert result.exit_code == 0, result.output


def finished_call(heard: list[tuple[str, str]], documents: list[str], turn_words: int = 1) -> SimulatedCall:
    """A call that has ended, with what it heard (text, language) and the TwiML it got."""
    call = SimulatedCall(RecordingTransport(None), "http://localhost", "token")  # type: ignore[arg-type]
    call.heard = [Heard(text, language) for text, language in heard]
    call.turn = call.heard[-turn_words:] if turn_words else []
    call.transcript = [("ivr", text) for text, _ in heard]
    call.documents, call.ended = documents, True
    return call


def scenario(faults: tuple[str, ...] = ()) -> Scenario:
    """An explored call's scenario."""
    return Scenario(name="x", path="x.yaml", language="en", steps=(), conditions=Conditions(faults=faults))


def test_a_call_the_ivr_ends_without_a_word_or_without_hanging_up_is_reported(app):
    flowset = app.extensions["ivr"].flowset
    silent = finished_call([("Hello.", "en-US")], ["<Response><Hangup/></Response>"], turn_words=0)
    dead_end = finished_call([("Goodbye.", "en-US")], ["<Response><Say>Goodbye.</Say></Response>"])
    problems = call_problems(silent, silent.transport, flowset, scenario(), caller_hung_up=False)
    assert problems == ["the call ended in silence: nothing was said after the caller's last answer"]
    problems = call_problems(dead_end, dead_end.transport, flowset, scenario(), caller_hung_up=False)
    assert problems == ["dead end: the call's last TwiML ran out without hanging up"]


def test_a_faulted_call_must_hear_the_apology_in_its_language_then_a_way_forward(app):
    flowset = app.extensions["ivr"].flowset
    apology, later = flowset.prompts["apology"].text, flowset.prompts["apology_call_later"].text
    spanish_menu = ("Para el estado de un caso, oprima 1.", "es-US")
    english_only = finished_call([spanish_menu, (apology["en"], "en-US"), (later["en"], "en-US")], [])
    assert call_problems(english_only, english_only.transport, flowset, scenario(("database_down",)), False) == [
        "fault database_down: the apology was in ['en'], not ['es']"]
    no_way_on = finished_call([spanish_menu, (apology["es"], "es-US")], [])
    assert call_problems(no_way_on, no_way_on.transport, flowset, scenario(("slow_store",)), False) == [
        "fault slow_store: the apology offered no way forward (no transfer, no call-later goodbye)"]
    before_a_language = finished_call([(apology["en"], "en-US"), (later["en"], "en-US")], [])
    assert call_problems(before_a_language, before_a_language.transport, flowset,
                         scenario(("database_down",)), False) == [
        "fault database_down: the apology was in ['en'], not ['en', 'es']"]
