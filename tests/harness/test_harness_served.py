"""`flask harness run --url` and `flask harness load` against served IVRs: gunicorn, and stand-ins that misbehave."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from ivr.config import ROOT
from ivr.harness.rest_standin import RestStandin
from tests.harness.test_http import TOKEN, serve

SCENARIOS = ROOT / "tests" / "scenarios"
WRONG_PROMPT = ('<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="/voice/gather?node=main.main_menu'
                '&amp;lang=en" numDigits="1"><Say>Welcome to the pizza line.</Say></Gather></Response>')


SECRET = "served-conditions-secret"
ACCOUNT = "AC" + "6" * 32


@pytest.fixture(scope="module")
def twilio_api():
    """The REST stand-in the served IVR sends its texts through; its URL."""
    with RestStandin(ACCOUNT, TOKEN) as standin:
        yield standin.url


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory, twilio_api):
    """The IVR served by gunicorn (2 workers) with the test-conditions secret and the demo cases; its base URL.

    One server for the module: the shipped scenarios and the load test need no fresh database. It texts
    through the REST stand-in `twilio_api`.
    """
    directory = tmp_path_factory.mktemp("gunicorn")
    with (directory / "gunicorn.log").open("ab") as log:
        process, base = serve(f"sqlite:///{directory / 'served.sqlite3'}", log,
                              {"IVR_DEMO_DATA": "1", "IVR_TEST_CONDITIONS_SECRET": SECRET,
                               "TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_API_BASE_URL": twilio_api,
                               "IVR_TEXT_FROM": "+18003755283"})
        yield base
        process.terminate()
        process.wait(timeout=10)


def stand_in(status: int, body: str):
    """A WSGI app answering every request with the same status and TwiML."""

    @Request.application
    def app(_request):
        return Response(body, status=status, mimetype="application/xml")

    return app


@pytest.fixture
def standin():
    """Serve a stand-in WSGI app on a loopback port in a thread; stop it afterwards."""
    servers = []

    def start(app) -> str:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        # Polling for shutdown every 50 ms, not the default 0.5 s, stops it at once after the test.
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def junit_suite(runner, args: list[str], report) -> tuple[ET.Element, dict[str, str]]:
    """Run the harness with a JUnit report; the suite element and the skipped scenarios' reasons by name."""
    runner.invoke(args=["harness", "run", *args, "--format", "junit", "--output", str(report)])
    suite = ET.parse(report).getroot().find("testsuite")
    skipped = {case.get("name"): case.find("skipped").get("message")
               for case in suite.iter("testcase") if case.find("skipped") is not None}
    return suite, skipped


def test_the_shipped_scenarios_pass_against_the_served_ivr_with_the_conditions_secret(runner, gunicorn, twilio_api,
                                                                                      tmp_path):
    texts = ["--twilio-api", twilio_api, "--account-sid", ACCOUNT]
    suite, skipped = junit_suite(runner, ["--url", gunicorn, "--auth-token", TOKEN, "--conditions-secret", SECRET,
                                          *texts], tmp_path / "report.xml")
    assert suite.get("failures") == "0", (tmp_path / "report.xml").read_text()
    assert int(suite.get("tests")) >= 100 and skipped == {}
    # Again, those that change records or answer a callback: each call brings its own, under new numbers.
    again = [str(p) for p in sorted(SCENARIOS.glob("*.yaml")) if "data:" in p.read_text()
             or "answers_callback:" in p.read_text()]
    suite, skipped = junit_suite(runner, ["--url", gunicorn, "--auth-token", TOKEN, "--conditions-secret", SECRET,
                                          *texts, *again], tmp_path / "again.xml")
    assert (suite.get("tests"), suite.get("failures"), skipped) == (str(len(again)), "0", {})
    assert len(again) >= 8


def test_without_the_secret_conditions_that_need_it_are_skipped_saying_why(runner, gunicorn, tmp_path):
    files = [str(SCENARIOS / f"{name}.yaml")
             for name in ("database_down_en", "christmas_eve_9pm_en", "main_someone_es")]
    suite, skipped = junit_suite(runner, ["--url", gunicorn, "--auth-token", TOKEN, "--server-now",
                                          "2026-11-30T15:00:00Z", *files], tmp_path / "report.xml")
    assert (suite.get("tests"), suite.get("failures"), len(skipped)) == ("3", "0", 2)
    database_down = next(m for n, m in skipped.items() if n.startswith("the database is down"))
    assert "can only be injected in-process" in database_down
    christmas = next(m for n, m in skipped.items() if n.startswith("9 p.m. on Christmas Eve"))
    assert "IVR_FAKE_NOW=2026-12-24T21:00:00-05:00" in christmas and "--conditions-secret" in christmas
    refused = runner.invoke(args=["harness", "run", "--url", gunicorn, "--auth-token", TOKEN, "--fail-on-skip", *files])
    assert refused.exit_code == 1 and "2 scenarios skipped, and --fail-on-skip is given" in refused.output


def test_without_the_rest_api_the_texts_cannot_be_checked_and_their_scenarios_are_skipped(runner, gunicorn, tmp_path):
    files = [str(SCENARIOS / "texts_by_key_en.yaml"), str(SCENARIOS / "texts_withheld_es.yaml")]
    suite, skipped = junit_suite(runner, ["--url", gunicorn, "--auth-token", TOKEN, "--conditions-secret", SECRET,
                                          *files], tmp_path / "report.xml")
    assert (suite.get("tests"), suite.get("failures"), len(skipped)) == ("2", "0", 2)
    assert all("pass --twilio-api" in reason for reason in skipped.values())


def test_a_line_started_without_the_secret_ignores_signed_conditions(runner, tmp_path):
    with (tmp_path / "gunicorn.log").open("ab") as log:
        process, base = serve(f"sqlite:///{tmp_path / 'served.sqlite3'}", log, {"IVR_DEMO_DATA": "1"}, workers=1)
        try:
            result = runner.invoke(args=["harness", "run", "--url", base, "--auth-token", TOKEN,
                                         "--conditions-secret", SECRET, str(SCENARIOS / "christmas_eve_9pm_en.yaml")])
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert result.exit_code == 1 and "0 passed, 1 failed" in result.output  # it stayed in its own live hours
    log = (tmp_path / "gunicorn.log").read_text()
    assert "test conditions ignored: this line has no IVR_TEST_CONDITIONS_SECRET" in log


def test_a_wrong_prompt_fails_with_the_step_what_was_heard_and_the_twiml(runner, standin):
    base = standin(stand_in(200, WRONG_PROMPT))
    result = runner.invoke(args=["harness", "run", "--url", base, "--auth-token", TOKEN,
                                 str(SCENARIOS / "case_status_keypad_en.yaml")])
    assert result.exit_code == 1
    assert "FAIL" in result.output
    expected = "Contact Center for immigration benefits. For English, press 1."
    assert f"step 1 (line 4): expect_heard: \"{expected}\"" in result.output
    assert "heard since the caller's last action: Welcome to the pizza line." in result.output
    assert "last TwiML: <?xml" in result.output and "pizza line" in result.output
    assert "0 passed, 1 failed" in result.output


def test_a_server_error_fails_with_the_status_and_body(runner, standin, tmp_path):
    base = standin(stand_in(500, "Internal Server Error: boom"))
    report = tmp_path / "junit.xml"
    result = runner.invoke(args=["harness", "run", "--url", base, "--auth-token", TOKEN, "--format", "junit",
                                 "--output", str(report), str(SCENARIOS / "main_biometrics_es.yaml")])
    assert result.exit_code == 1
    failure = ET.parse(report).getroot().find("testsuite/testcase/failure")
    assert "step 0: the call starts" in failure.text
    assert "/voice answered HTTP 500: Internal Server Error: boom" in failure.text


def test_load_plays_100_calls_at_a_rate_without_errors_and_plots_them(runner, gunicorn, tmp_path):
    # At most 20 callers at once, started at 40 a second after a one-second ramp. No callback bookings in the mix:
    # without the test-conditions secret their calls would rightly fill the first slots ("that time was just taken").
    mix = tmp_path / "mix.yaml"
    mix.write_text("scenarios:\n" + "".join(
        f"  - {{file: {SCENARIOS / name}, weight: {weight}}}\n"
        for name, weight in [("case_status_keypad_en.yaml", 3), ("case_status_speech_es.yaml", 2),
                             ("main_someone_es.yaml", 1), ("main_zero_for_agent_en.yaml", 1)]))
    out, page = tmp_path / "load.json", tmp_path / "load.html"
    result = runner.invoke(args=["harness", "load", "--url", gunicorn, "--auth-token", TOKEN, "--calls", "100",
                                 "--concurrency", "20", "--rate", "40", "--ramp", "1", "--mix", str(mix),
                                 "--max-seconds", "50", "--json", str(out), "--html", str(page)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert (report["calls"], report["completed"], report["error_count"], report["passed"]) == (100, 100, 0, True)
    assert (report["target_calls_per_second"], report["ramp_seconds"]) == (40, 1)
    assert {"/voice", "/voice/gather", "/voice/status"} <= set(report["latency_ms"])
    assert all(row["p50"] <= row["p95"] <= row["p99"] <= row["max"] for row in report["latency_ms"].values())
    assert "p95 ms" in result.output and "/voice/gather" in result.output and "PASSED" in result.output
    html = page.read_text(encoding="utf-8")
    assert html.count('<svg class="load-plot"') == 2 and '<h2 id="load">Load</h2>' in html
    assert html.count("<circle ") == report["webhooks"]  # a dot per webhook


def slow(seconds: float, body: str):
    """A WSGI app answering every request after a pause."""

    @Request.application
    def app(_request):
        time.sleep(seconds)
        return Response(body, status=200, mimetype="application/xml")

    return app


def test_load_fails_on_a_latency_threshold_and_says_which(runner, standin):
    base = standin(slow(0.3, "<Response><Hangup/></Response>"))
    args = ["harness", "load", "--url", base, "--calls", "4", "--concurrency", "4",
            str(SCENARIOS / "main_zero_for_agent_en.yaml")]
    over = runner.invoke(args=[*args, "--max-p95", "/voice=100", "--max-error-rate", "100"])
    assert over.exit_code == 1
    assert "FAILED: /voice p95" in over.output and "is over 100 ms" in over.output
    within = runner.invoke(args=[*args, "--max-p95", "/voice=60000", "--max-error-rate", "100"])
    assert within.exit_code == 0 and "PASSED: every threshold met" in within.output


def test_load_counts_server_errors_and_exits_non_zero(runner, standin):
    base = standin(stand_in(500, "no"))
    result = runner.invoke(args=["harness", "load", "--url", base, "--calls", "5", "--concurrency", "2",
                                 str(SCENARIOS / "main_zero_for_agent_en.yaml")])
    assert result.exit_code == 1
    assert "5 planned, 0 completed, 5 errors (http 5xx: 5)" in result.output


@pytest.mark.parametrize("url", ["http://10.0.0.5:8000", "https://ivr.example.gov", "http://127.0.0.1.example.com"])
def test_load_refuses_a_host_that_is_not_this_machine(runner, url):
    result = runner.invoke(args=["harness", "load", "--url", url, "--calls", "1"])
    assert result.exit_code == 2
    assert "is not this machine" in result.output


def test_a_server_that_never_waits_for_the_caller_is_reported_as_a_loop(runner, standin):
    base = standin(stand_in(200, "<Response><Say>Hello.</Say><Redirect>/voice</Redirect></Response>"))
    result = runner.invoke(args=["harness", "run", "--url", base, str(SCENARIOS / "main_zero_for_agent_en.yaml")])
    assert result.exit_code == 1
    assert "webhooks for one caller action without waiting for the caller: a loop?" in result.output
