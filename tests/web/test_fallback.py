"""/voice/fallback: Twilio's retry after a failed webhook, answered in the caller's language without the store."""

from __future__ import annotations

import pytest

from ivr.harness.local import make_database_unreachable
from ivr.harness.twiml_rules import check_document
from tests.conftest import CLOSED_HOURS, simulated_call

APOLOGY = {"en": "We are sorry: something went wrong on our side.",
           "es": "Lo sentimos: ocurrió un problema en nuestro sistema."}
LATER = {"en": "Please call again later. Goodbye.", "es": "Por favor, llame más tarde. Adiós."}


def fallback(app, error_url: str) -> str:
    """Twilio's signed retry at the Fallback URL after `error_url` failed."""
    call = simulated_call(app)
    return call.post(call.base_url + "/voice/fallback",
                     {"ErrorCode": "11200", "ErrorUrl": error_url, "CallStatus": "in-progress"})


@pytest.mark.parametrize(("failed", "heard", "not_heard"), [
    ("https://ivr.example.gov/voice", ("en", "es"), ()),  # before the language is chosen: both
    ("https://ivr.example.gov/voice/gather?node=main.main_menu&lang=es", ("es",), ("en",)),
    ("https://ivr.example.gov/voice/gather?node=main.main_menu&lang=en", ("en",), ("es",)),
])
def test_the_fallback_apologises_in_the_callers_language_and_offers_an_agent(make_app, failed, heard, not_heard):
    app = make_app()
    make_database_unreachable(app)  # whatever the store does, the fallback answers
    body = fallback(app, failed)
    check_document(body)
    assert all(APOLOGY[lang] in body for lang in heard) and not any(APOLOGY[lang] in body for lang in not_heard)
    assert "<Enqueue" in body and ">tier1</Enqueue>" in body and "voice/fault-transfer-result" in body


@pytest.mark.parametrize("lang", ["en", "es"])
def test_out_of_hours_the_fallback_says_goodbye(make_app, lang):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    make_database_unreachable(app)
    body = fallback(app, f"https://ivr.example.gov/voice/gather?node=main.main_menu&lang={lang}")
    assert APOLOGY[lang] in body and LATER[lang] in body and body.endswith("<Hangup /></Response>")


def test_a_forged_fallback_is_refused(client):
    reply = client.post("/voice/fallback", data={"CallSid": "CA" + "1" * 32, "ErrorUrl": "x"})
    assert reply.status_code == 403
