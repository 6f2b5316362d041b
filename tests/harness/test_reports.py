"""The reports a team reads: JUnit with each step's time, JSON for scripts, one HTML file with pictures, transcripts."""

from __future__ import annotations

import html
import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from ivr.config import ROOT

SCENARIOS = ROOT / "tests" / "scenarios"
BROKEN = """\
name: a prompt that changed
language: es
steps:
  - press: "2"
  - press: "5"
  - expect_heard: "Para hablar con un agente, diga <agente>"
"""


@pytest.fixture
def run(runner, tmp_path):
    """Run main_someone_en (passes), main_someone_es (passes) and a broken Spanish scenario; the output folder."""
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    files = [str(SCENARIOS / "main_someone_en.yaml"), str(SCENARIOS / "main_someone_es.yaml"), str(broken)]

    def invoke(*args: str):
        return runner.invoke(args=["harness", "run", *args, *files])

    return invoke


def test_junit_has_a_testcase_per_scenario_and_the_time_of_each_step(run, tmp_path):
    run("--format", "junit", "--output", str(tmp_path / "junit.xml"))
    cases = ET.parse(tmp_path / "junit.xml").getroot().findall("testsuite/testcase")
    assert len(cases) == 3
    steps = cases[0].findall("properties/property")
    assert len(steps) >= 5 and steps[0].get("name") == 'step 1 (line 4): press: "1"'
    assert all(float(step.get("value")) >= 0 for step in steps)
    assert "step 1 (line 4)" in cases[0].find("system-out").text
    failing = cases[2].findall("properties/property")
    assert failing[-1].get("name").startswith("step 3 (line 6): expect_heard")


def test_json_gives_counts_steps_and_coverage(run):
    result = run("--format", "json")
    report = json.loads(result.output)
    assert (report["passed"], report["failed"], report["ok"]) == (2, 1, False)
    broken = report["scenarios"][2]
    assert broken["status"] == "failed" and broken["failed_step"] == 3 and len(broken["steps"]) == 3
    assert report["coverage"]["node_percent"] > 0 and report["coverage"]["flows"][0]["language"] in ("en", "es")


def test_the_html_report_shows_the_failing_step_what_was_heard_and_the_twiml(run, tmp_path):
    result = run("--html", str(tmp_path / "report.html"))
    assert result.exit_code == 1
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'id="calls-en"' in page and 'id="calls-es"' in page
    assert page.count('class="call"') == 3 and page.count('<tr class="failing-step">') == 1
    assert "diga &lt;agente&gt;" in page and "<agente>" not in page  # what the scenario wrote, escaped
    failure = page[page.index('class="failure"'):]
    heard = failure[failure.index('<pre class="heard">'):failure.index("</pre>")]
    assert "oprima" in html.unescape(heard)  # what the caller heard since their last action
    assert "&lt;Response&gt;" in failure  # the last TwiML, escaped
    assert "Para un asunto de VAWA" in page and "[es-" in page  # the Spanish transcript, with its voice


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed (apt-get install graphviz)")
def test_the_html_report_draws_each_flow_per_language_coloured_by_visits(run, tmp_path):
    run("--html", str(tmp_path / "report.html"))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<figure class="coverage-diagram" data-flow="main" data-lang="es">' in page
    assert page.count("<svg") >= 2
    assert "#43a047" in page or "#66bb6a" in page or "#81c784" in page  # visited
    assert "#ffcdd2" in page  # never visited


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_the_html_report_has_the_failing_calls_audio(run, tmp_path):
    run("--html", str(tmp_path / "report.html"))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count('<audio controls preload="none" src="data:audio/wav;base64,') == 1  # the failed call's
