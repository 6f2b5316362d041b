"""The texts actions: who is offered an answer's page by text, and what is sent once they press the key."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from ivr.actions import texts
from ivr.actions.services import Texting
from ivr.actions.texts import offer_text, send_text
from ivr.domain.texting import Page, TextLinks, TextNotSent
from tests.actions.line import CALLER, Situation, check_situation, situations, tabled_events

LINKS = TextLinks(
    pages={"g28": {"en": Page("https://example.gov/g-28", "example.gov/g-28"),
                   "es": Page("https://example.gov/es/g-28", "example.gov/es/g-28")}},
    messages={"en": "Your page: {link} Reply STOP to opt out.", "es": "Su página: {link} Responda STOP."},
)


@dataclass
class FakeSender:
    """Texts kept in a list; Lookup answers from a table; `refuse` raises instead of sending."""

    sent: list[tuple[str, str]] = field(default_factory=list)
    line_types: dict[str, str] = field(default_factory=dict)
    lookups: list[str] = field(default_factory=list)
    refuse: Exception | None = None

    def send(self, to: str, body: str) -> str:
        """Keep the text, or refuse it."""
        if self.refuse is not None:
            raise self.refuse
        self.sent.append((to, body))
        return f"SM{len(self.sent):032d}"

    def line_type(self, number: str) -> str | None:
        """What Lookup says, or raise when the table says 'error'."""
        self.lookups.append(number)
        if self.line_types.get(number) == "error":
            raise ConnectionError("Lookup is down")
        return self.line_types.get(number, "mobile")


def texting(sender: FakeSender | None = None, lookup: bool = False):
    """Arrange the line's texts: these pages, this sender (none: texts are off), Lookup on or off."""
    def arrange(line):
        line.texts = Texting(links=LINKS, sender=sender if sender is not None else FakeSender(),
                             lookup_line_type=lookup)
    return arrange


def texts_off(line):
    """No IVR_TEXT_FROM: no sender."""
    line.texts = Texting(links=LINKS)


def opted_out(line):
    """The caller's number replied STOP."""
    texting()(line)
    line.records.opted_out[CALLER] = "STOP"


def store_down(line):
    """The opt-outs cannot be read."""
    texting()(line)

    def fail(_number):
        raise OSError("the store is down")
    line.records.is_opted_out = fail


def both(*steps):
    """Arrange several things."""
    def arrange(line):
        for step in steps:
            step(line)
    return arrange


G28 = {"answer": "g28"}
SITUATIONS = situations(
    offer_text,
    ("a mobile-capable number", Situation("offer", G28, arrange=texting())),
    ("an answer with no page", Situation("no_page", {"answer": "typos"}, arrange=texting())),
    ("texts are off", Situation("address", G28, arrange=texts_off)),
    ("withheld", Situation("address", G28, {"caller": "anonymous"}, arrange=texting())),
    ("a SIP caller", Situation("address", G28, {"caller": "sip:alice@example.com"}, arrange=texting())),
    ("a client caller", Situation("address", G28, {"caller": "client:alice"}, arrange=texting())),
    ("not E.164", Situation("address", G28, {"caller": "2025550143"}, arrange=texting())),
    ("toll-free", Situation("address", G28, {"caller": "+18005550100"}, arrange=texting())),
    ("outside the US", Situation("address", G28, {"caller": "+442071838750"}, arrange=texting())),
    ("opted out", Situation("address", G28, arrange=opted_out)),
    ("the opt-outs cannot be read", Situation("address", G28, arrange=store_down)),
    ("already texted on this call", Situation("address", {**G28, "text_sent": "1"}, arrange=texting())),
    ("Lookup says mobile", Situation("offer", G28, arrange=texting(lookup=True), sets={"line_type"})),
    ("Lookup says landline", Situation("address", G28, arrange=texting(FakeSender(line_types={CALLER: "landline"}),
                                                                       lookup=True), sets={"line_type"})),
    ("Lookup fails", Situation("offer", G28, arrange=texting(FakeSender(line_types={CALLER: "error"}), lookup=True),
                               sets={"line_type"})),
) + situations(
    texts.page_address,
    ("a page", Situation("found", G28, arrange=texting())),
    ("no page", Situation("no_page", {"answer": "typos"}, arrange=texting())),
) + situations(
    send_text,
    ("sent", Situation("sent", G28, arrange=texting())),
    ("opted out since the offer", Situation("refused", G28, arrange=opted_out)),
    ("Twilio says unsubscribed (21610)", Situation("refused", G28, arrange=texting(
        FakeSender(refuse=TextNotSent("error 21610", unsubscribed=True))))),
    ("Twilio refuses otherwise", Situation("failed", G28, arrange=texting(
        FakeSender(refuse=TextNotSent("error 21211"))))),
    ("Twilio cannot be reached", Situation("failed", G28, arrange=texting(FakeSender(refuse=ConnectionError("down"))))),
    ("texts are off", Situation("failed", G28, arrange=texts_off)),
    ("the opt-outs cannot be read", Situation("failed", G28, arrange=store_down)),
    ("an answer with no page", Situation("no_page", {"answer": "typos"}, arrange=texting())),
    ("a withheld number", Situation("failed", G28, {"caller": "anonymous"}, arrange=texting())),
)


@pytest.mark.parametrize(("action", "situation"), SITUATIONS)
def test_each_situation_answers_its_event(line, action, situation):
    check_situation(line, action, situation)


@pytest.mark.parametrize("action", texts.ACTIONS)
def test_every_declared_event_is_in_the_table(action):
    assert tabled_events(SITUATIONS, action) == set(action.contract.events)


@pytest.mark.parametrize(("lang", "body"), [("en", "Your page: https://example.gov/g-28 Reply STOP to opt out."),
                                            ("es", "Su página: https://example.gov/es/g-28 Responda STOP.")])
def test_the_text_carries_the_pages_link_in_the_callers_language(line, lang, body):
    sender = FakeSender()
    texting(sender)(line)
    assert line.run(offer_text, G28, lang=lang).event == "offer"
    assert line.run(send_text, lang=lang).event == "sent"
    assert sender.sent == [(CALLER, body)]


@pytest.mark.parametrize(("lang", "address"), [("en", "example.gov/g-28"), ("es", "example.gov/es/g-28")])
def test_the_address_is_in_the_language_the_caller_speaks_now(line, lang, address):
    texting()(line)
    assert line.run(texts.page_address, G28, lang=lang).vars == {"page_address": address}


def test_an_opted_out_number_is_never_sent_a_text(line):
    sender = FakeSender()
    texting(sender)(line)
    line.records.opted_out[CALLER] = "STOP"
    assert [line.run(offer_text, G28).event, line.run(send_text, G28).event] == ["address", "refused"]
    assert sender.sent == []


def test_twilios_unsubscribed_refusal_is_kept_as_an_opt_out(line):
    texting(FakeSender(refuse=TextNotSent("error 21610", unsubscribed=True)))(line)
    assert line.run(send_text, G28).event == "refused"
    assert line.records.opted_out == {CALLER: "error 21610"}
    assert line.run(offer_text, G28).event == "address"


def test_lookup_is_asked_once_a_call(line):
    sender = FakeSender()
    texting(sender, lookup=True)(line)
    assert line.events(offer_text, 3, vars=G28) == ["offer"] * 3
    assert sender.lookups == [CALLER]


def test_without_lookup_the_number_is_never_looked_up(line):
    sender = FakeSender()
    texting(sender)(line)
    assert line.run(offer_text, G28).event == "offer"
    assert sender.lookups == []
