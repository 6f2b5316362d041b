"""The fixed replies of the webhooks that say nothing: exact bodies, 200, XML."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from tests.conftest import AUTH_TOKEN

XML = '<?xml version="1.0" encoding="UTF-8"?>'
PARAMS = {"CallSid": "CA" + "2" * 32, "AccountSid": "AC" + "0" * 32, "From": "+12025550143",
          "To": "+18003755283", "CallStatus": "completed"}


@pytest.mark.parametrize(("path", "body"), [
    ("/voice/status", "<Response />"),
    ("/voice/leave-queue?lang=es", "<Response />"),  # no key, or not the offered 1: the caller keeps their place
    ("/voice/callback?id=999999&lang=es", "<Response><Hangup /></Response>"),  # no such callback
    ("/voice/callback-status?id=999999&lang=es", "<Response />"),
])
def test_a_webhook_with_nothing_to_say_answers_a_fixed_document(client, path, body):
    headers = {"X-Twilio-Signature": RequestValidator(AUTH_TOKEN).compute_signature("http://localhost" + path, PARAMS)}
    reply = client.post(path, data=PARAMS, headers=headers)
    assert (reply.status_code, reply.mimetype) == (200, "application/xml")
    assert reply.get_data(as_text=True) == XML + body
