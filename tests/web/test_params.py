"""Odd values in Twilio's parameters are refused plainly: read as absent, never raised in a handler."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from ivr.web.params import confidence, plain_int, queue_figure
from tests.conftest import AUTH_TOKEN

HUGE = "9" * 5000


@pytest.mark.parametrize(("text", "value"), [
    ("42", 42), ("0", 0), (str(2**63 - 1), 2**63 - 1), (str(2**63), None), ("1e3", None), ("-1", None),
    ("", None), (None, None), ("٣", None), ("²", None), (HUGE, None), (" 7", None),
])
def test_ids_are_plain_ascii_whole_numbers_the_store_can_hold(text, value):
    assert plain_int(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("0.92", 0.92), ("1", 1.0), ("0", 0.0), ("abc", None), ("nan", None), ("inf", None), ("1.5", None),
    ("-0.1", None), ("", None), (None, None),
])
def test_speech_confidence_is_a_number_from_0_to_1_or_nothing(text, value):
    assert confidence(text) == value


@pytest.mark.parametrize(("text", "spoken"), [("300", "300"), ("٣٠٠", ""), ("²", ""), (HUGE, ""), ("", "")])
def test_queue_figures_are_spoken_only_when_plausible(text, spoken):
    assert queue_figure(text) == spoken


def signed_post(client, path: str, params: dict):
    """POST a webhook signed as Twilio would."""
    url = "http://localhost" + path
    headers = {"X-Twilio-Signature": RequestValidator(AUTH_TOKEN).compute_signature(url, params)}
    return client.post(path, data=params, headers=headers).get_data(as_text=True)


BASE = {"CallSid": "CA" + "3" * 32, "AccountSid": "AC" + "0" * 32, "From": "+12025550143", "To": "+18003755283"}


@pytest.mark.parametrize("wait", ["٣٠٠", "²", HUGE, "-5", "abc"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_hold_music_never_apologises_nor_enqueues_inside_a_wait_url(client, wait, lang):
    body = signed_post(client, f"/voice/hold?lang={lang}", {**BASE, "QueuePosition": wait, "AvgQueueTime": wait})
    assert "<Enqueue" not in body and "sorry" not in body.lower() and "lo sentimos" not in body.lower()
    assert "<Gather" in body and ('language="es-US"' in body) == (lang == "es")


@pytest.mark.parametrize("callback_id", ["1e3", str(2**63), str(2**64), "abc", ""])
def test_a_callback_id_the_line_never_wrote_is_refused_plainly(client, caplog, callback_id):
    answered = signed_post(client, f"/voice/callback?id={callback_id}&lang=es", {**BASE, "CallStatus": "in-progress"})
    status = signed_post(client, f"/voice/callback-status?id={callback_id}&lang=es", {**BASE, "CallStatus": "busy"})
    assert answered.endswith("<Response><Hangup /></Response>") and status.endswith("<Response />")
    assert "fault in" not in caplog.text  # nothing raised inside the handlers


def test_a_confidence_that_is_not_a_number_is_heard_as_words_without_one(call):
    c = call().start().press("1")
    body = c.post(c.base_url + "/voice/gather?node=main.main_menu&lang=en",
                  {"SpeechResult": "case status", "Confidence": "abc"})
    assert "sorry" not in body.lower() and "receipt number" in body
