"""The one TwiML writer: engine steps and the fixed replies, in the caller's language, as VoiceResponses."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from urllib.parse import quote, urlencode

from twilio.twiml import TwiML
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.routing import Target
from ivr.flows.languages import BOTH, languages_of
from ivr.flows.model import FlowSet
from ivr.flows.say_as import Part, say_as_parts
from ivr.flows.spoken import (
    APOLOGY,
    APOLOGY_CALL_LATER,
    CONNECTING_AFTER_FAULT,
    HOLD,
    HOLD_LEAVE,
    HOLD_WAIT,
    HOLD_WAIT_ONE,
)
from ivr.flows.steps import Gather, Hangup, Say, Step, Transfer

LANGUAGE_TAGS = {"en": "en-US", "es": "es-US"}
SPEECH_MODEL = "numbers_and_commands"
DIAL_TIMEOUT = 30  # seconds an agent line rings before we call it no-answer
RENDERED_KEPT = 1024  # TwiML texts of steps that hold nothing private, kept per writer (memory stays flat)

# url(endpoint, **query) -> URL; the web layer supplies it so this module needs no Flask.
UrlFor = Callable[..., str]
# What every writer method returns; the web layer sends it as text and need not know Twilio's classes.
TwimlDocument = VoiceResponse
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'  # what the library's to_xml() puts first


def document_text(document: TwiML) -> str:
    """The document's TwiML text, the same as `str(document)`: the library's own elements, serialised
    straight to text (its to_xml() encodes them to UTF-8 through a text wrapper and decodes that
    again, which took as long as building the elements)."""
    return XML_DECLARATION + ET.tostring(document.xml(), encoding="unicode")


def sip_with_headers(uri: str, context: dict[str, str]) -> str:
    """A SIP URI carrying the context as X- headers (Twilio passes `?X-Name=value` on as SIP headers)."""
    headers = urlencode({f"X-{name.title()}": value for name, value in context.items()}, quote_via=quote)
    return f"{uri}{'&' if '?' in uri else '?'}{headers}" if headers else uri


def pack_context(context: dict[str, str]) -> str:
    """The context as one URL-safe value: a URL Twilio signs must read back exactly as written."""
    return base64.urlsafe_b64encode(json.dumps(context).encode()).decode()


def unpack_context(packed: str) -> dict[str, str]:
    """The context a whisper URL carries; empty when it is not one."""
    try:
        context = json.loads(base64.urlsafe_b64decode(packed.encode()))
    except ValueError:
        return {}
    return {str(k): str(v)[:200] for k, v in context.items()} if isinstance(context, dict) else {}


def whisper_text(context: dict[str, str]) -> str:
    """The context as a sentence an agent hears: "Transferred caller. Language: es. Tier: tier1. ..."."""
    spoken = {"receipt": lambda r: " ".join(r)}  # a receipt number is read character by character
    parts = [f"{name.title()}: {spoken.get(name, str)(value)}." for name, value in context.items()]
    return " ".join(["Transferred caller.", *parts])


def spoken_words(verb, words: str) -> None:
    """Put words into a <Say> (or its <prosody>), numbers marked up with <say-as> so they are read as the
    caller must hear them: phone numbers, 711, receipt and reference numbers and ZIP codes."""
    spoken_parts(verb, say_as_parts(words))


def spoken_parts(verb, parts: Sequence[Part]) -> None:
    """Put words already parted by `say_as_parts` into a <Say> (or its <prosody>)."""
    for part in parts:
        if part.interpret_as:
            verb.say_as(part.text, interpret_as=part.interpret_as)
        else:
            verb.nest(part.text)


def empty_messaging_reply() -> str:
    """The answer to an incoming text that sends nothing back (Twilio confirms STOP and START itself)."""
    return document_text(MessagingResponse())


def tty_signature(secret: str, text: str) -> str:
    """The signature of a TTY audio URL's text: the line renders no text it did not write."""
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()[:32]


class TwimlWriter:
    """Turns steps and fixed replies into TwiML, with the line's voices and targets."""

    def __init__(self, flowset: FlowSet, targets: dict[str, Target], url: UrlFor,
                 hints: Callable[[str, str], list[str]] | None = None, secret: str = ""):
        self.flowset, self.targets, self.url = flowset, targets, url
        self.hints = hints or (lambda _name, _lang: [])
        self.secret = secret  # signs the TTY audio URLs, so the line renders only its own texts
        self._kept: dict[tuple, str] = {}
        self._keeping = threading.Lock()
        # Worked out from the flows once each, as answers need them (bounded by the flows' nodes and
        # prompts): a Gather's hints text, and the parts of a prompt that has no placeholders.
        self._hints_text: dict[tuple[tuple[str, ...], str | None, str], str | None] = {}
        self._fixed_parts: dict[tuple[str, str], list[Part]] = {}

    def with_targets(self, targets: dict[str, Target]) -> TwimlWriter:
        """The same writer, transferring to other targets."""
        return TwimlWriter(self.flowset, targets, self.url, self.hints, self.secret)

    def text(self, prompt: str, lang: str, params: dict | None = None) -> str:
        """A prompt's words in a language, placeholders filled."""
        return self.flowset.prompts[prompt].text[lang].format_map(params or {})

    def say(self, parent, say: Say, lang: str, tty: bool = False) -> None:
        """Add a prompt to a verb: once in the call's language (or the Say's own), or in each language.

        On a TTY's call the words go out as TTY text: a <Play> of their Baudot tones, never speech.
        """
        for language in LANGUAGES if say.bilingual else languages_of(say.lang or lang):
            words = self.text(say.prompt, language, say.params)
            if tty:
                parent.play(self.url("tty.audio", text=words, sig=tty_signature(self.secret, words)))
                continue
            rate = self.flowset.prompts[say.prompt].rate
            verb = parent.say(voice=self.flowset.voices[language], language=LANGUAGE_TAGS[language])
            spoken_parts(verb.prosody(rate=rate) if rate else verb, self._parts(say.prompt, language, words))

    def _parts(self, prompt: str, lang: str, words: str) -> list[Part]:
        """The say-as parts of a prompt's words. A prompt without placeholders says the same words on every
        call, so they are parted once; filled-in words (a receipt, a number read back) are never kept."""
        parts = self._fixed_parts.get((prompt, lang))
        if parts is None:
            parts = say_as_parts(words)
            if "{" not in self.flowset.prompts[prompt].text[lang]:
                self._fixed_parts[(prompt, lang)] = parts
        return parts

    def render(self, step: Step, state: str | None = None) -> VoiceResponse:
        """The TwiML for one engine step; `state`, the call's state token, goes into the URLs that answer it."""
        response = VoiceResponse()
        lang = BOTH if step.bilingual else step.lang
        if isinstance(step.end, Gather):
            self._gather(response, step, step.end, lang, state)
            return response
        for say in step.says:
            self.say(response, say, lang, step.tty)
        if isinstance(step.end, Transfer):
            self.transfer(response, step.end.tier, lang, step.end.node, state, step.end.context)
        elif isinstance(step.end, Hangup):
            response.hangup()
        return response

    def render_text(self, step: Step, state: str | None, base: str) -> str:
        """The TwiML text of a step. A step whose state travels in the URL holds nothing private, and
        the same few such steps answer most webhooks: each is rendered once per `base` (the app's
        URL prefix) and kept, up to RENDERED_KEPT of them."""
        if state is None:
            return document_text(self.render(step))
        key = (base, state, step.key())
        text = self._kept.get(key)
        if text is None:
            text = document_text(self.render(step, state))
            with self._keeping:
                if len(self._kept) >= RENDERED_KEPT:
                    self._kept.clear()  # rare: the line has only so many menus, so start again
                self._kept[key] = text
        return text

    def _gather(self, response: VoiceResponse, step: Step, spec: Gather, lang: str, state: str | None = None) -> None:
        """Prompts inside a Gather (callers may answer early), then a no-input fallback."""
        action = self.url("voice.gather", node=spec.node, lang=lang, **_state_arg(state))
        attrs = {"action": action, "method": "POST", "timeout": spec.timeout}
        if spec.max_digits == 1:
            attrs["num_digits"] = 1
        else:
            attrs.update(finish_on_key="#", num_digits=spec.max_digits)
        if spec.speech:
            attrs.update(input="dtmf speech", language=LANGUAGE_TAGS[step.lang], speech_timeout="auto",
                         speech_model=SPEECH_MODEL, hints=self._hints(spec, step.lang))
        else:
            attrs["input"] = "dtmf"
        with response.gather(**attrs) as gather:
            for say in step.says:
                self.say(gather, say, lang, step.tty)
        # Twilio falls through to the next verb on silence: report it to the same action.
        response.redirect(action, method="POST")

    def _hints(self, spec: Gather, lang: str) -> str | None:
        """The hints text of a Gather: its words, then those of its kind of input (receipt numbers...)."""
        key = (spec.words, spec.hints, lang)
        if key not in self._hints_text:
            hints = list(spec.words) + (self.hints(spec.hints, lang) if spec.hints else [])
            self._hints_text[key] = ", ".join(hints) or None
        return self._hints_text[key]

    def transfer(self, response: VoiceResponse, tier: str, lang: str, node: str | None,
                 state: str | None = None, context: dict[str, str] | None = None) -> None:
        """Enqueue or Dial the tier's target, handing the agent the call's context; the action
        reports how the agent leg ended.

        The context goes to a queue as TaskRouter <Task> attributes (JSON), to a SIP address as X-
        headers, and to a phone number as a whisper the agent hears before being connected. With
        no node (a transfer made after a fault) the action needs no call state: the store may be
        what failed, and asking it again would apologise forever.
        """
        context = context or {}
        # A tier may have agents for each language (IVR_TRANSFER_TIER1_ES); else the tier's own target.
        target = self.targets.get(f"{tier}_{lang}") or self.targets[tier]
        if node:
            action = self.url("voice.transfer_result", node=node, lang=lang, **_state_arg(state))
        else:
            action = self.url("voice.fault_transfer_result", lang=lang)
        if target.kind == "queue":
            wait = self.url("voice.hold", lang=lang, **({"silent": "1"} if tier == "tty" else {}))
            enqueue = response.enqueue(target.value, action=action, method="POST", wait_url=wait,
                                       wait_url_method="POST")
            if context:
                enqueue.task(json.dumps(context, sort_keys=True))
            return
        dial = response.dial(action=action, method="POST", timeout=DIAL_TIMEOUT)
        if target.kind == "sip":
            dial.sip(sip_with_headers(target.value, context))
        elif context:
            dial.number(target.value, url=self.url("voice.whisper", context=pack_context(context)), method="POST")
        else:
            dial.number(target.value)

    def whisper(self, context: dict[str, str]) -> VoiceResponse:
        """What an agent answering a phone transfer hears first: the call's context, in English."""
        response = VoiceResponse()
        spoken_words(response.say(voice=self.flowset.voices["en"], language=LANGUAGE_TAGS["en"]), whisper_text(context))
        return response

    def empty(self) -> VoiceResponse:
        """A document that does nothing: the answer to a status callback."""
        return VoiceResponse()

    def hangup(self) -> VoiceResponse:
        """End the call without a word (a callback the store no longer knows)."""
        response = VoiceResponse()
        response.hangup()
        return response

    def leave_queue(self) -> VoiceResponse:
        """Take a held caller out of the queue; the Enqueue action decides what happens next."""
        response = VoiceResponse()
        response.leave()
        return response

    def apology(self, lang: str, agents_open: bool) -> VoiceResponse:
        """After a fault: say sorry, then reach an agent in live hours or end politely."""
        response = VoiceResponse()
        self.say(response, Say(APOLOGY), lang)
        if agents_open:
            self.say(response, Say(CONNECTING_AFTER_FAULT), lang)
            self.transfer(response, "tier1", lang, None)
        else:
            self.say(response, Say(APOLOGY_CALL_LATER), lang)
            response.hangup()
        return response

    def after_fault_transfer(self, lang: str, agent_reached: bool) -> VoiceResponse:
        """After a fault's transfer: hang up if an agent took the call, else say goodbye politely."""
        response = VoiceResponse()
        if not agent_reached:
            self.say(response, Say(APOLOGY_CALL_LATER), lang)
        response.hangup()
        return response

    def hold(self, lang: str, position: str, average_wait: str, music: str = "", spoken: bool = True) -> VoiceResponse:
        """What a queued caller hears while waiting; Twilio replays it until an agent answers.

        Position and expected wait come from Twilio's QueuePosition and AvgQueueTime; pressing 1
        (and only 1, the key offered) leaves the queue, and the Enqueue action then offers a
        callback. The TTY queue is not spoken to.
        """
        response = VoiceResponse()
        if not spoken:
            response.pause(length=20)
            return response
        with response.gather(input="dtmf", num_digits=1, timeout=1, method="POST",
                             action=self.url("voice.leave_queue", lang=lang)) as gather:
            if position:
                self.say(gather, Say(HOLD, {"position": position}), lang)
            minutes = round(int(average_wait) / 60) if average_wait.isdigit() else 0
            if minutes == 1:  # "1 minute", "1 minuto": the singular has its own words
                self.say(gather, Say(HOLD_WAIT_ONE), lang)
            elif minutes > 1:
                self.say(gather, Say(HOLD_WAIT, {"minutes": str(minutes)}), lang)
            self.say(gather, Say(HOLD_LEAVE), lang)
        if music:
            response.play(music)
        else:
            response.pause(length=20)
        return response


def _state_arg(state: str | None) -> dict[str, str]:
    """The URL argument that carries a call's state token, if it has one."""
    return {"state": state} if state is not None else {}
