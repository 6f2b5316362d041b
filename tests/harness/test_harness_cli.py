"""`flask harness run` in-process: reports for people and CI, coverage gates, transcripts and audio."""

from __future__ import annotations

import shutil
import wave
import xml.etree.ElementTree as ET

import pytest

from ivr.config import ROOT

SCENARIOS = ROOT / "tests" / "scenarios"
BROKEN = """\
name: a prompt that changed
language: es
steps:
  - press: "2"
  - expect_heard: "Para el estado de su trámite, oprima 1"
"""


def test_a_passing_run_prints_each_scenario_the_coverage_and_a_summary(runner):
    result = runner.invoke(args=["harness", "run", str(SCENARIOS / "main_someone_es.yaml"),
                                 str(SCENARIOS / "database_down_en.yaml")])
    assert result.exit_code == 0, result.output
    assert "PASS  " in result.output and "main_someone_es.yaml" in result.output
    assert "Path coverage (in-process: every node the engine entered)" in result.output
    assert "  main.someone_menu (en)\n" in result.output  # visited in Spanish only: missed in English
    assert "  case_status.ask (en, es)" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("2 passed, 0 failed in ")


def test_a_failing_step_exits_1_and_junit_carries_the_report(runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    report = tmp_path / "junit.xml"
    result = runner.invoke(args=["harness", "run", "--format", "junit", "--output", str(report), str(broken)])
    assert result.exit_code == 1
    suite = ET.parse(report).getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("1", "1")
    failure = suite.find("testcase/failure")
    assert failure.get("message") == 'step 2 (line 5): expect_heard: "Para el estado de su trámite, oprima 1"'
    assert "heard since the caller's last action: Gracias por llamar." in failure.text
    assert 'action="/voice/gather?node=main.main_menu&amp;lang=es&amp;state=' in failure.text


def test_min_coverage_fails_a_run_that_visits_too_little(runner):
    scenario = str(SCENARIOS / "main_zero_for_agent_en.yaml")
    result = runner.invoke(args=["harness", "run", "--min-coverage", "90", scenario])
    assert result.exit_code == 1
    assert "is below --min-coverage 90" in result.output


def test_an_invalid_scenario_file_fails_the_run_saying_why(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("language: en\nsteps:\n  - presss: '1'\n", encoding="utf-8")
    result = runner.invoke(args=["harness", "run", str(bad)])
    assert result.exit_code == 1
    assert "invalid scenario file" in result.output and "bad.yaml:3: step 1: unknown step 'presss'" in result.output


def test_transcripts_show_what_the_caller_heard_and_did(runner, tmp_path):
    out = tmp_path / "calls"
    result = runner.invoke(args=["harness", "run", "--transcripts", str(out), str(SCENARIOS / "main_someone_es.yaml")])
    assert result.exit_code == 0, result.output
    text = (out / "main_someone_es.txt").read_text(encoding="utf-8")
    assert "IVR [es-US]: Para una pregunta sobre su caso" in text
    assert "CALLER pressed: 5" in text and "-> transferred to queue:tier3" in text
    assert text.index("CALLER pressed: 2") < text.index("IVR [es-US]: Para saber el estado de un caso")


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed: no audio to render")
def test_audio_renders_one_wav_per_call(runner, tmp_path):
    result = runner.invoke(args=["harness", "run", "--transcripts", str(tmp_path), "--audio",
                                 str(SCENARIOS / "main_zero_for_agent_es.yaml")])
    assert result.exit_code == 0, result.output
    with wave.open(str(tmp_path / "main_zero_for_agent_es.wav"), "rb") as sound:
        assert sound.getnchannels() == 1 and sound.getframerate() == 22050
        assert sound.getnframes() / sound.getframerate() > 10  # the opening alone takes longer


def test_pytest_runs_scenario_files_as_test_items(pytester):
    pytester.makeconftest('pytest_plugins = ["ivr.harness.pytest_plugin"]\n')
    scenarios = pytester.mkdir("scenarios")
    shutil.copy(SCENARIOS / "main_zero_for_agent_en.yaml", scenarios)
    (scenarios / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (pytester.path / "notes.yaml").write_text("not: a scenario\n")
    done = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider")
    output = done.stdout.str()
    assert "1 failed, 1 passed" in output, output + done.stderr.str()
    assert "step 2 (line 5): expect_heard" in output
    assert "Traceback" not in output
    assert "IVR scenarios: node coverage" in output


def test_a_scenarios_records_go_into_its_own_store_in_process(runner, tmp_path):
    scenario = ROOT / "tests" / "scenarios" / "biometrics_reschedule_en.yaml"
    twice = [str(scenario), str(tmp_path / "again.yaml")]
    (tmp_path / "again.yaml").write_text(scenario.read_text())
    result = runner.invoke(args=["harness", "run", *twice])
    assert result.exit_code == 0 and "2 passed, 0 failed" in result.output, result.output


def test_a_scenario_with_a_bad_record_is_refused_with_its_line(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('language: en\ndata:\n  slots:\n    - {asc: vsc, starts_at: "2026-12-01T09:00", capacity: 1}\n'
                   'steps:\n  - press: "1"\n')
    result = runner.invoke(args=["harness", "run", str(bad)])
    assert result.exit_code == 1
    assert "bad.yaml:2: data: slots[0]: " in result.output and "not an Application Support Center" in result.output
