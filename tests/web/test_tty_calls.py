"""The TTY line never speaks: its text reaches the caller's TTY as Baudot tones, served by the app."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from ivr.domain.baudot import tty_text
from tests.conftest import CLOSED_HOURS, simulated_call
from tests.tty_decoder import decode_tty

TTY_NUMBER = "+18007671833"
KEY = {"en": "1", "es": "2"}


def _plays(call) -> list[str]:
    """Every <Play> URL of the call's TwiML, after checking there is no <Say> at all."""
    roots = [ET.fromstring(document) for document in call.documents]
    assert not [say for root in roots for say in root.iter("Say")], "the TTY line spoke"
    return [play.text or "" for root in roots for play in root.iter("Play")]


@pytest.mark.parametrize(("lang", "offer"), [
    ("en", "FOR A CALLBACK FROM AN AGENT, PRESS 1."),
    ("es", "PARA QUE LE DEVOLVAMOS LA LLAMADA, OPRIMA 1."),
])
def test_out_of_hours_every_prompt_is_baudot_text_an_independent_decoder_reads(make_app, lang, offer):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    c = simulated_call(app, called=TTY_NUMBER).start().press(KEY[lang])
    decoded = []
    for url in _plays(c):
        response = app.test_client().get(url)
        assert (response.status_code, response.mimetype) == (200, "audio/wav")
        assert response.cache_control.public and response.cache_control.max_age
        text = parse_qs(urlsplit(url).query)["text"][0]
        decoded.append(decode_tty(response.data).strip())
        assert decoded[-1] == tty_text(text)
    assert decoded[0].startswith("TTY AGENTS ANSWER MONDAY THROUGH FRIDAY, 8 A.M. TO 8 P.M. EASTERN TIME")
    assert any(offer in text for text in decoded)


def test_zero_on_the_tty_line_stays_with_the_tty_agents(make_app):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    c = simulated_call(app, called=TTY_NUMBER).start().press("1").press("0")
    assert "TTY agents are not available now" in c.last_heard and not c.transfers
    _plays(c)


def test_in_live_hours_the_tty_call_is_queued_for_tty_agents_in_silence(call):
    c = call(called=TTY_NUMBER).start()
    assert [(t.kind, t.target) for t in c.transfers] == [("queue", "tty")]
    assert _plays(c) == []


def test_a_text_the_line_did_not_sign_is_not_rendered(client):
    assert client.get("/voice/tty-audio.wav?text=HELLO&sig=0123456789abcdef0123456789abcdef").status_code == 404
    assert client.get("/voice/tty-audio.wav?text=HELLO").status_code == 404
