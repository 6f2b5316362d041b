"""Every TTY scenario, played in-process: no <Say> at all on the TTY line, and every <Play>ed tone decoded
back to the text the scenario's steps checked, by an independent decoder (minimodem)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from ivr import create_app
from ivr.domain.baudot import tty_text
from ivr.harness.local import LocalBackend
from ivr.harness.runner import run_scenario
from ivr.harness.scenario import Conditions, load_scenario
from tests.tty_decoder import decode_tty

SCENARIOS = sorted((Path(__file__).parents[1] / "scenarios").glob("tty_*.yaml"))


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    """In-process apps for the scenarios' conditions."""
    backend = LocalBackend(create_app, tmp_path_factory.mktemp("tty-scenarios"))
    yield backend
    backend.close()


def test_the_tty_scenarios_cover_both_languages_in_and_out_of_hours():
    scenarios = [load_scenario(path) for path in SCENARIOS]
    assert {(s.language, s.conditions.now is None and not s.answers_callback) for s in scenarios} == {
        ("en", True), ("en", False), ("es", True), ("es", False)}


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda path: path.stem)
def test_a_tty_scenario_never_speaks_and_its_tones_decode_to_the_text_it_checked(backend, path):
    outcome = run_scenario(load_scenario(path), backend)
    assert outcome.status == "passed", outcome.message
    roots = [ET.fromstring(document) for document in outcome.call.documents]
    assert [say for root in roots for say in root.iter("Say")] == [], "the TTY line spoke"
    client = backend.app_for(Conditions()).test_client()
    for url in [play.text or "" for root in roots for play in root.iter("Play")]:
        text = parse_qs(urlsplit(url).query)["text"][0]
        response = client.get(url)
        assert (response.status_code, response.mimetype) == (200, "audio/wav")
        assert decode_tty(response.data).strip() == tty_text(text)
