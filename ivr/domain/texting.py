"""Text messages with an answer's web page: who may get one, the pages and the wording, and the opt-out keywords."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.lookups import WITHHELD

# Twilio's standard keywords (Advanced Opt-Out's defaults): a message that is one of them, alone,
# stops or restarts the line's texts to its sender. Twilio itself blocks sends after a STOP.
OPT_OUT_KEYWORDS = frozenset({"STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT",
                              "REVOKE"})
OPT_IN_KEYWORDS = frozenset({"START", "UNSTOP", "YES"})
UNSUBSCRIBED = "21610"  # Twilio's error: the recipient replied STOP, a message to them is refused
OPTED_OUT, OPTED_IN = "out", "in"

# The US and the territories: a text from the line's US number reaches their mobiles as a local message.
_TEXTABLE_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP"})
_E164 = re.compile(r"\+[1-9]\d{6,14}")
_TEXTABLE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


class TextNotSent(Exception):
    """A text message Twilio did not take; `unsubscribed` when the number replied STOP."""

    def __init__(self, reason: str, unsubscribed: bool = False) -> None:
        super().__init__(reason)
        self.unsubscribed = unsubscribed


def textable_number(caller: str) -> str | None:
    """The caller's number in E.164 when a text may be offered to it, else None.

    Withheld and anonymous numbers, SIP and client addresses, numbers not written in E.164, and
    numbers that cannot be a mobile phone (toll-free, premium, outside the US) are never offered one.
    """
    text = (caller or "").strip()
    if text.lower() in WITHHELD or not _E164.fullmatch(text):
        return None
    try:
        number = phonenumbers.parse(text, None)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) not in _TEXTABLE_REGIONS:
        return None
    if phonenumbers.number_type(number) not in _TEXTABLE_TYPES:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def keyword_change(body: str, opt_out_type: str = "") -> str | None:
    """OPTED_OUT or OPTED_IN when a message is one of Twilio's keywords (or Twilio says which), else None."""
    told = opt_out_type.strip().upper()
    if told in ("STOP", "START"):
        return OPTED_OUT if told == "STOP" else OPTED_IN
    word = " ".join(re.sub(r"[^\w\s]", " ", body).split()).upper()
    if word in OPT_OUT_KEYWORDS:
        return OPTED_OUT
    return OPTED_IN if word in OPT_IN_KEYWORDS else None


@dataclass(frozen=True)
class Page:
    """A web page in one language: its link, and its address as a caller hears it."""

    url: str
    address: str


@dataclass(frozen=True)
class TextLinks:
    """The pages the answers point to (answer -> language -> page) and the message that carries one."""

    pages: Mapping[str, Mapping[str, Page]] = field(default_factory=dict)
    messages: Mapping[str, str] = field(default_factory=dict)  # language -> text with a {link}

    def page(self, answer: str, lang: str) -> Page | None:
        """The answer's page in the caller's language, or None when it has none."""
        return self.pages.get(answer, {}).get(lang)

    def message(self, lang: str, url: str) -> str:
        """The text message that carries a link, in the caller's language."""
        return self.messages[lang].replace("{link}", url)


class LinksError(ValueError):
    """A links file the line cannot use, and why."""


def parse_links(data: Mapping[str, Any]) -> TextLinks:
    """The pages and message of a links file (`[message]` and `[pages.NAME]` tables, each in every language)."""
    messages = data.get("message") or {}
    for lang in LANGUAGES:
        if "{link}" not in str(messages.get(lang, "")):
            raise LinksError(f"message: the text in '{lang}' must hold {{link}}")
    pages: dict[str, dict[str, Page]] = {}
    for name, page in dict(data.get("pages") or {}).items():
        try:
            pages[name] = {lang: Page(str(page["url"][lang]), str(page["address"][lang])) for lang in LANGUAGES}
        except (KeyError, TypeError):
            raise LinksError(f"pages.{name}: a url and an address in each of {', '.join(LANGUAGES)}") from None
        for lang, found in pages[name].items():
            if not found.url.startswith("https://"):
                raise LinksError(f"pages.{name}: the {lang} url must start with https://")
    return TextLinks(pages=pages, messages={lang: str(messages[lang]) for lang in LANGUAGES})


def number_key(number: str) -> str:
    """A number as the opt-outs keep it: E.164 however it is written (Twilio sends E.164), else as given."""
    text = (number or "").strip()
    try:
        parsed = phonenumbers.parse(text, "US")
    except NumberParseException:
        return text
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164) if phonenumbers.is_possible_number(parsed) \
        else text
