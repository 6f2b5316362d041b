"""The simulator refuses TwiML that Twilio would refuse."""

from __future__ import annotations

import pytest

from ivr.domain.voices import voice_language
from ivr.harness.twiml_rules import TwimlRejected, check_document

GOOD = '<Response><Gather action="/voice/gather" input="dtmf speech" language="es-US">' \
       '<Say voice="Polly.Lupe-Neural" language="es-US">Hola</Say></Gather></Response>'


def test_a_good_document_passes():
    assert check_document(GOOD).tag == "Response"
    marked = '<Response><Say>Dial <say-as interpret-as="digits">711</say-as>.</Say></Response>'
    assert check_document(marked).tag == "Response"


@pytest.mark.parametrize(("xml", "reason"), [
    ("<Response><Say>hi", "not XML"),
    ("<Speak>hi</Speak>", "not <Response>"),
    ('<Response><Gather input="dtmf"><Say>hi</Say></Gather></Response>', "has no action"),
    ('<Response><Gather action="/a"><Gather action="/b"/></Gather></Response>',
     "<Gather> is not allowed inside <Gather>"),
    ('<Response><Gather action="/a"><Dial>+12025550143</Dial></Gather></Response>', "<Dial> is not allowed"),
    ('<Response><Say voice="Polly.Joanna" language="es-US">Hola</Say></Response>', "speaks en-US"),
    ('<Response><Say voice="Polly.Nobody" language="en-US">Hi</Say></Response>', "not one Twilio offers"),
    ('<Response><Say voice="Polly.Joanna"> </Say></Response>', "nothing to say"),
    ('<Response><Gather action="/a" input="keys"/></Response>', "input='keys'"),
    ('<Response><Gather action="/a" input="speech" language="xx-YY"/></Response>', "not a speech language"),
    ('<Response><Gather action="/a" numDigits="0"/></Response>', "positive integer"),
    ("<Response><Enqueue/></Response>", "no destination"),
    ("<Response><Dance/></Response>", "<Dance> is not allowed"),
    ('<Response><Say>Call <say-as interpret-as="phone">711</say-as></Say></Response>', "not one Polly reads"),
    ('<Response><Say>Call <say-as interpret-as="digits"> </say-as></Say></Response>', "nothing to read"),
])
def test_bad_twiml_is_rejected_with_the_reason(xml, reason):
    with pytest.raises(TwimlRejected, match=None) as rejected:
        check_document(xml)
    assert reason in str(rejected.value)


@pytest.mark.parametrize(("voice", "language"), [
    ("Polly.Joanna-Neural", "en-US"), ("Polly.Lupe", "es-US"), ("Google.es-US-Neural2-A", "es-US"), ("man", None),
])
def test_voice_language(voice, language):
    assert voice_language(voice) == language
