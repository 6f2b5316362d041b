"""The HTML report opened in headless Chromium (Debian's chromium, driven by Playwright), what matters screenshotted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ivr import create_app
from ivr.config import ROOT
from tests.conftest import PNG

# The browser fixture (tests/conftest.py) skips, saying why, without Chromium or Playwright.
pytestmark = pytest.mark.skipif(shutil.which("dot") is None,
                                reason="Graphviz is not installed (apt-get install graphviz)")
SCENARIOS = ROOT / "tests" / "scenarios"


def missing_parts(browser, report: Path, shots: Path) -> list[str]:
    """What a reader would not see in the report: each coverage picture and transcript is screenshotted."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(report.as_uri())
    missing = []
    diagrams = page.locator("figure.coverage-diagram svg")
    if diagrams.count() == 0:
        missing.append("coverage diagram")
    for index in range(diagrams.count()):
        box = diagrams.nth(index).bounding_box()
        if not box or box["width"] < 100 or box["height"] < 50:
            missing.append(f"coverage diagram {index + 1} is not drawn")
    for lang in ("en", "es"):
        call = page.locator(f"#calls-{lang} ~ details.call").first
        if page.locator(f"#calls-{lang} ~ details.call ol.transcript[lang={lang}]").count() == 0:
            missing.append(f"{lang} transcript")
            continue
        call.locator("summary").click()
        transcript = call.locator("ol.transcript")
        if not transcript.is_visible() or "IVR" not in transcript.inner_text():
            missing.append(f"{lang} transcript is not shown")
        elif not transcript.screenshot(path=str(shots / f"transcript-{lang}.png")).startswith(PNG):
            missing.append(f"{lang} transcript screenshot")
    if diagrams.count() and not diagrams.first.screenshot(path=str(shots / "coverage.png")).startswith(PNG):
        missing.append("coverage screenshot")
    page.screenshot(path=str(shots / "report.png"), full_page=False)
    page.close()
    return missing


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """An HTML report of an English and a Spanish call, made by `flask harness run --html`."""
    folder = tmp_path_factory.mktemp("report")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'ivr.sqlite3'}",
                      "INSTANCE_PATH": str(folder / "instance"), "TWILIO_AUTH_TOKEN": "t"})
    result = app.test_cli_runner().invoke(args=["harness", "run", "--html", str(folder / "report.html"),
                                                str(SCENARIOS / "main_someone_en.yaml"),
                                                str(SCENARIOS / "main_someone_es.yaml")])
    assert result.exit_code == 0, result.output
    return folder / "report.html"


def test_the_report_shows_the_coverage_pictures_and_the_transcripts_in_both_languages(browser, report, tmp_path):
    assert missing_parts(browser, report, tmp_path) == []
    assert (tmp_path / "coverage.png").stat().st_size > 5_000  # a drawing, not a blank box


def test_the_check_fails_when_the_pictures_or_the_transcripts_are_gone(browser, report, tmp_path):
    page = report.read_text(encoding="utf-8")
    stripped = tmp_path / "stripped.html"
    stripped.write_text(page.replace("<svg", "<div hidden").replace('class="transcript"', 'class="gone"'),
                        encoding="utf-8")
    assert missing_parts(browser, stripped, tmp_path) == ["coverage diagram", "en transcript", "es transcript"]
