"""USCIS receipt numbers: check what callers type, key or say, and group it for read-back."""

from __future__ import annotations

import unicodedata

from ivr.domain import spoken_receipts

PREFIXES: tuple[str, ...] = ("EAC", "WAC", "LIN", "SRC", "NBC", "MSC", "IOE", "YSC")
LENGTH = 13  # three prefix letters, then ten digits

WRONG_LENGTH = "wrong_length"
UNKNOWN_PREFIX = "unknown_prefix"
LETTERS_IN_DIGITS = "letters_in_digits"
NOT_A_RECEIPT = "not_a_receipt"
REASONS = (WRONG_LENGTH, UNKNOWN_PREFIX, LETTERS_IN_DIGITS, NOT_A_RECEIPT)  # each has a `receipt_<reason>` prompt

# ITU-T E.161: the letters printed on each phone key.
E161 = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ"}
_KEY_FOR = {letter: key for key, letters in E161.items() for letter in letters}
KEYPAD_PREFIXES = {"".join(_KEY_FOR[c] for c in prefix): prefix for prefix in PREFIXES}
if len(KEYPAD_PREFIXES) != len(PREFIXES):
    # Not an assert: python -O would skip it, and a shared key triple would silently
    # send keypad callers to the wrong service center's prefix.
    raise RuntimeError("two receipt prefixes share the same keypad keys")

_DIGITS = frozenset("0123456789")
_ALPHANUMERIC = _DIGITS | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SEPARATORS = str.maketrans("", "", "-\u2010\u2011\u2012\u2013\u2014\u2212.")


class ReceiptError(ValueError):
    """A receipt number that can't be used; .reason picks the prompt the caller hears."""

    def __init__(self, reason: str) -> None:
        # The caller's input stays out of the message: receipt numbers are not logged.
        super().__init__(reason)
        self.reason = reason


def parse_receipt_number(text: str) -> str:
    """Return the canonical receipt number typed in text, or raise ReceiptError."""
    receipt = _normalise(text or "")
    if not receipt or not set(receipt) <= _ALPHANUMERIC:
        raise ReceiptError(NOT_A_RECEIPT)
    if not set(receipt) & _DIGITS and not receipt.startswith(PREFIXES):
        raise ReceiptError(NOT_A_RECEIPT)  # a word, not a number cut short
    if len(receipt) != LENGTH:
        raise ReceiptError(WRONG_LENGTH)
    if receipt[:3] not in PREFIXES:
        raise ReceiptError(UNKNOWN_PREFIX)
    if not set(receipt[3:]) <= _DIGITS:
        raise ReceiptError(LETTERS_IN_DIGITS)
    return receipt


def _normalise(text: str) -> str:
    """Upper-case text without spaces, dashes, dots or the *s printed around it on notices."""
    # NFKC turns full-width letters and digits from phone keyboards into ASCII.
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    return compact.translate(_SEPARATORS).strip("*").upper()


def decode_keypad(digits: str) -> str:
    """Return the receipt number keyed as 13 keys: E.161 keys for the letters, then 10 digits."""
    keys = (digits or "").strip().removesuffix("#")
    if not keys or not set(keys) <= _DIGITS:
        raise ReceiptError(NOT_A_RECEIPT)
    if len(keys) != LENGTH:
        raise ReceiptError(WRONG_LENGTH)
    prefix = KEYPAD_PREFIXES.get(keys[:3])
    if prefix is None:
        raise ReceiptError(NOT_A_RECEIPT)
    return prefix + keys[3:]


def decode_speech(transcript: str, lang: str) -> str:
    """Return the receipt number in a speech transcript ("en" or "es"), or raise ReceiptError."""
    heard = spoken_receipts.hear(transcript or "", lang, PREFIXES)
    if heard is None:
        raise ReceiptError(NOT_A_RECEIPT)
    return parse_receipt_number(_assemble(heard))


def _assemble(heard: list[spoken_receipts.Heard]) -> str:
    """Letters then digits from what was heard, dropping talk before and after the number."""
    # Words after the last digit ("...2345, thank you") are not part of the number.
    end = max((i + 1 for i, item in enumerate(heard) if item.digit), default=len(heard))
    letters = digits = ""
    for item in heard[:end]:
        prefix_done = letters[-3:] in PREFIXES
        if digits and not item.digit and not prefix_done:
            letters, digits = "", ""  # "one moment... E A C": the number starts again
        if digits and not item.digit:
            digits += item.letter  # kept so the caller hears "letters in the digits"
        elif item.digit and (digits or prefix_done or not (item.letter or item.weak)):
            digits += item.digit
        else:
            letters += item.letter
    if letters[-3:] in PREFIXES:
        letters = letters[-3:]  # "I have a..." before "E A C" is not part of the number
    return letters + digits


def speech_hints(lang: str) -> list[str]:
    """Phrases to pass as Twilio <Gather> hints when asking for a receipt number in lang."""
    return spoken_receipts.hint_phrases(lang, PREFIXES)


def spoken_groups(receipt: str) -> list[str]:
    """The receipt number in groups for a slow read-back: ["E A C", "2 1 9", "0 0 1", "2 3 4 5"]."""
    number = parse_receipt_number(receipt)
    groups = (number[:3], number[3:6], number[6:9], number[9:])
    return [" ".join(group) for group in groups]
