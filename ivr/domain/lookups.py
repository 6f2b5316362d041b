"""How many case look-ups a call and a caller may make: the line's guard against enumeration."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

# Caller IDs Twilio sends when the number is withheld: they all share no single owner.
WITHHELD = {"", "anonymous", "restricted", "unknown", "private", "+266696687", "+86282452253", "+7378742833"}
WITHHELD_CALLER = "withheld"  # the one key every withheld caller counts against, together
DIGEST_LENGTH = 28  # hex characters kept of a caller ID that is not a phone number ("id:" + 28 < 32)
# A North American number as Twilio spells it (E.164, a real area code and exchange): already its own key.
# Most callers are new to a process, so parsing each with phonenumbers cost a tenth of a look-up's webhook.
NANP_E164 = re.compile(r"\+1[2-9][0-9]{2}[2-9][0-9]{6}")


@dataclass(frozen=True)
class LookupLimits:
    """How many look-ups one call, one caller number, and every withheld caller together may make in the window."""

    per_call: int = 5
    per_caller: int = 10
    window: timedelta = timedelta(hours=1)
    withheld: int = 20


@lru_cache(maxsize=1024)  # a call looks up several times from one caller ID; the most recent few are kept
def caller_key(caller: str) -> str:
    """Who a look-up counts against: the number in E.164 however it is written, WITHHELD_CALLER for a
    withheld one, or a short digest of a caller ID that is no number (a SIP or client address)."""
    text = caller.strip()
    if NANP_E164.fullmatch(text):
        return text
    if text.lower() in WITHHELD:
        return WITHHELD_CALLER
    try:
        number = phonenumbers.parse(text, "US")
    except NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        return WITHHELD_CALLER if e164 in WITHHELD else e164
    # A long SIP URI or client name, lower-cased (their hosts are), kept short enough for the store.
    return "id:" + hashlib.sha256(text.lower().encode()).hexdigest()[:DIGEST_LENGTH]
