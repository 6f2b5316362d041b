"""What Twilio would reject in a TwiML document, checked as Twilio would before playing it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ivr.domain.voices import voice_language

VERBS = {"Say", "Play", "Pause", "Gather", "Redirect", "Dial", "Enqueue", "Hangup", "Reject", "Leave", "Record"}
NESTING = {
    "Response": VERBS,
    "Gather": {"Say", "Play", "Pause"},
    "Dial": {"Number", "Sip", "Client", "Queue", "Conference"},
    "Enqueue": {"Task"},
    "Say": {"prosody", "say-as", "break", "emphasis", "lang", "p", "s", "sub", "w", "phoneme"},
    "prosody": {"say-as", "break", "emphasis", "lang", "p", "s", "sub", "w"},
}
# What <say-as interpret-as> may be (Amazon Polly's SSML, which Twilio passes on).
SAY_AS = {"characters", "spell-out", "cardinal", "number", "ordinal", "digits", "fraction", "unit", "date",
          "time", "address", "expletive", "telephone"}
GATHER_INPUTS = {"dtmf", "speech", "dtmf speech", "speech dtmf"}
SPEECH_LANGUAGES = {"en-US", "es-US", "es-MX", "es-ES", "en-GB"}
class TwimlRejected(AssertionError):
    """TwiML that Twilio would refuse to play, with the reason."""


def check_document(xml_text: str) -> ET.Element:
    """Parse a TwiML document; raise TwimlRejected for anything Twilio would not play."""
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as exc:
        raise TwimlRejected(f"not XML: {exc}") from None
    if root.tag != "Response":
        raise TwimlRejected(f"root element is <{root.tag}>, not <Response>")
    _check_children(root)
    return root


def _check_children(parent: ET.Element) -> None:
    """Check each child is allowed where it is, and its attributes."""
    allowed = NESTING.get(parent.tag, set())
    for child in parent:
        if child.tag not in allowed:
            raise TwimlRejected(f"<{child.tag}> is not allowed inside <{parent.tag}>")
        check = CHECKS.get(child.tag)
        if check:
            check(child)
        _check_children(child)


def _check_say(say: ET.Element) -> None:
    """A Say has words, and its voice speaks its language."""
    if not "".join(say.itertext()).strip():
        raise TwimlRejected("<Say> has nothing to say")
    voice, language = say.get("voice"), say.get("language")
    spoken = voice_language(voice) if voice else None
    if voice and language and spoken and spoken != language:
        raise TwimlRejected(f"<Say voice={voice!r}> speaks {spoken}, not language={language!r}")
    if voice and voice.startswith(("Polly.", "Google.")) and spoken is None:
        raise TwimlRejected(f"<Say> voice {voice!r} is not one Twilio offers")


def _check_say_as(say_as: ET.Element) -> None:
    """A say-as reads words in a way the voice knows."""
    if say_as.get("interpret-as") not in SAY_AS:
        raise TwimlRejected(f"<say-as interpret-as={say_as.get('interpret-as')!r}> is not one Polly reads")
    if not (say_as.text or "").strip():
        raise TwimlRejected("<say-as> has nothing to read")


def _check_gather(gather: ET.Element) -> None:
    """A Gather names its action and uses valid input, language and numbers."""
    if not gather.get("action"):
        raise TwimlRejected("<Gather> has no action: Twilio would post to the current URL and loop")
    if gather.get("input", "dtmf") not in GATHER_INPUTS:
        raise TwimlRejected(f"<Gather input={gather.get('input')!r}> is not valid")
    if "speech" in gather.get("input", "") and gather.get("language", "en-US") not in SPEECH_LANGUAGES:
        raise TwimlRejected(f"<Gather language={gather.get('language')!r}> is not a speech language")
    for name in ("numDigits", "timeout"):
        value = gather.get(name)
        if value is not None and not (value.isdigit() and int(value) > 0):
            raise TwimlRejected(f"<Gather {name}={value!r}> must be a positive integer")


def _check_target(verb: ET.Element) -> None:
    """A Dial or Enqueue says where the call goes."""
    if not ((verb.text or "").strip() or len(verb)):
        raise TwimlRejected(f"<{verb.tag}> has no destination")


CHECKS = {"Say": _check_say, "say-as": _check_say_as, "Gather": _check_gather, "Dial": _check_target,
          "Enqueue": _check_target}
