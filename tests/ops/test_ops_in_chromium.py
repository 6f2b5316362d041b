"""The operations page in headless Chromium (Debian's chromium, driven by Playwright): signing in, the plots
with a harness run's calls, a supervisor answering a request, refusals, and a spoken test call. The browser
fixture (tests/conftest.py) skips, saying why, without Chromium or Playwright."""

from __future__ import annotations

import json
import threading

import pytest
from werkzeug.serving import make_server

from ivr.config import ROOT
from tests.conftest import PNG
from tests.ops.conftest import PASSWORD, add_operator

SCENARIOS = ["case_status_keypad_en.yaml", "case_status_keypad_es.yaml", "agent_busy_callback_number_en.yaml",
             "agent_busy_callback_number_es.yaml"]  # all at the harness's default instant, November 30


@pytest.fixture
def ops(app):
    """The app served on a loopback port the kernel picks, with a viewer, a supervisor and a harness run's calls."""
    add_operator(app, "vera", "viewer")
    add_operator(app, "sam", "supervisor")
    files = [str(ROOT / "tests" / "scenarios" / name) for name in SCENARIOS]
    run = app.test_cli_runner().invoke(args=["harness", "run", *files])
    assert run.exit_code == 0, run.output
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    """A new browser tab, closed afterwards."""
    tab = browser.new_page(viewport={"width": 1300, "height": 900})
    yield tab
    tab.close()


def signed_in(page, base: str, name: str):
    """Sign in through the form as NAME."""
    page.goto(f"{base}/ops/sign-in")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#operator")
    return page


def test_without_signing_in_every_page_leads_to_the_sign_in_form(page, ops):
    for path in ("/ops/", "/ops/requests", "/ops/test-call"):
        page.goto(ops + path)
        assert "/ops/sign-in" in page.url and page.locator("input[name=password]").is_visible()
        assert page.locator(".chart").count() == 0


def test_a_wrong_password_is_refused_in_the_browser(page, ops):
    page.goto(f"{ops}/ops/sign-in")
    page.fill("input[name=name]", "sam")
    page.fill("input[name=password]", "not the password at all")
    page.click("button[type=submit]")
    assert "do not match an operator" in page.inner_text(".flash") and "/ops/sign-in" in page.url


def test_the_plots_draw_the_harness_runs_calls(page, ops, tmp_path):
    signed_in(page, ops, "vera").goto(f"{ops}/ops/?day=2026-11-30")
    for chart in ("#chart-by_outcome", "#chart-by_language"):
        page.wait_for_selector(f"{chart}[data-drawn=true]")
        assert page.locator(f"{chart} g.trace.bars path").count() > 0  # bars drawn, not an empty frame
    legend = page.locator("#chart-by_outcome g.legend").text_content()
    assert "self_served" in legend and "callback" in legend
    assert int(page.inner_text("#kpi-calls")) == len(SCENARIOS)
    shot = page.locator("#chart-by_outcome").screenshot(path=str(tmp_path / "today.png"))
    assert shot.startswith(PNG)


def test_a_supervisor_answers_a_request(page, ops, app):
    signed_in(page, ops, "sam").goto(f"{ops}/ops/requests")
    page.wait_for_selector("#chart-requests[data-drawn=true]")
    page.click("#request-SR20260001 button")
    assert "SR20260001 is marked answered" in page.inner_text(".flash")
    assert page.locator("#request-SR20260001").count() == 0
    changes = json.loads(app.test_cli_runner().invoke(args=["changes", "--json"]).output)
    assert (changes[0]["operator"], changes[0]["subject"]) == ("sam", "SR20260001")


def test_a_viewer_is_refused_an_answer(page, ops):
    signed_in(page, ops, "vera").goto(f"{ops}/ops/requests")
    assert page.locator("#request-SR20260001 button").count() == 0
    status = page.evaluate("""() => fetch('/ops/requests/SR20260001/answer', {method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: 'csrf_token=' + encodeURIComponent(document.querySelector('input[name=csrf_token]').value)})
        .then(r => r.status)""")
    assert status == 403
    page.reload()
    assert page.locator("#request-SR20260001").count() == 1


@pytest.mark.parametrize(("key", "lang", "status"), [("1", "en-US", "We received your case"),
                                                      ("2", "es-US", "Recibimos su caso")])
def test_a_test_call_walks_to_a_spoken_case_status(page, ops, key, lang, status):
    signed_in(page, ops, "vera").goto(f"{ops}/ops/test-call")
    page.click("#start")
    page.wait_for_selector("#transcript li")
    for keys in (key, "1"):
        count = page.locator("#transcript li").count()
        page.click(f".key[data-key='{keys}']")
        page.locator("#transcript li").nth(count).wait_for()  # the IVR answered
    spelled = page.locator("#transcript li", has_text="E A C")
    before = spelled.count()  # the receipt prompt itself spells E A C: wait for the line after it
    page.fill("#keys", "3222190012345#")
    page.press("#keys", "Enter")
    spelled.nth(before).wait_for()  # the number read back
    count = page.locator("#transcript li").count()
    page.click(".key[data-key='1']")
    page.locator("#transcript li", has_text=status).wait_for()
    spoken = page.evaluate("window.spoken")
    assert [item["lang"] for item in spoken if status in item["text"]] == [lang]
    assert page.locator("#transcript li").count() > count
