import pytest

from ivr.domain.receipts import (
    KEYPAD_PREFIXES,
    LETTERS_IN_DIGITS,
    NOT_A_RECEIPT,
    PREFIXES,
    UNKNOWN_PREFIX,
    WRONG_LENGTH,
    ReceiptError,
    decode_keypad,
    decode_speech,
    parse_receipt_number,
    speech_hints,
    spoken_groups,
)

DIGITS = "2190012345"

# The letters printed on a phone's keys (ITU-T E.161), written out here independently
# of the module so the tests check it rather than repeat it.
PHONE_KEYS = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ"}
PREFIX_KEYS = {
    "EAC": "322", "WAC": "922", "LIN": "546", "SRC": "772",
    "NBC": "622", "MSC": "672", "IOE": "463", "YSC": "972",
}

NATO = {
    "EAC": "echo alpha charlie", "WAC": "whiskey alpha charlie", "LIN": "lima india november",
    "SRC": "sierra romeo charlie", "NBC": "november bravo charlie", "MSC": "mike sierra charlie",
    "IOE": "india oscar echo", "YSC": "yankee sierra charlie",
}
ENGLISH_NAMES = {
    "EAC": "ee a see", "WAC": "double you a sea", "LIN": "el eye en", "SRC": "es are see",
    "NBC": "en bee see", "MSC": "em ess see", "IOE": "eye oh ee", "YSC": "why es see",
}
SPANISH_NAMES = {
    "EAC": "e a ce", "WAC": "doble ve a ce", "LIN": "ele i ene", "SRC": "ese erre ce",
    "NBC": "ene be ce", "MSC": "eme ese ce", "IOE": "i o e", "YSC": "i griega ese ce",
}
SPANISH_OTHER_NAMES = {
    "EAC": "E A Cé", "WAC": "uve doble a se", "LIN": "ele i latina ene", "SRC": "ese ere ce",
    "NBC": "ene ve ce", "MSC": "eme ese ce", "IOE": "i o e", "YSC": "ye ese ce",
}
ENGLISH_DIGITS = "two one nine zero zero one two three four five"
SPANISH_DIGITS = "dos uno nueve cero cero uno dos tres cuatro cinco"


def keys_for(letters):
    """The keys a caller presses for letters, looked up on the phone's printed keys."""
    return "".join(key for letter in letters for key, printed in PHONE_KEYS.items() if letter in printed)


def outcome(decode, *args):
    """What the caller gets: the receipt number, or the reason they are asked again."""
    try:
        return decode(*args)
    except ReceiptError as error:
        return error.reason


# --- typed or pasted receipt numbers -------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize(
    "template",
    [
        "{p}{d}",
        "{lower}{d}",
        "{p} {d3} {d6} {d10}",
        "{p}-{d3}-{d6}-{d10}",
        "{lower}.{d3}.{d6}.{d10}",
        "*{p}{d}*",
        "  *{p}{d}*  ",
        "{p} – {d}",
        "{p}\u00a0{d}",
        "{title}{d}",
    ],
)
def test_typed_receipt_numbers_are_normalised(prefix, template):
    text = template.format(
        p=prefix, lower=prefix.lower(), title=prefix.title(), d=DIGITS,
        d3=DIGITS[:3], d6=DIGITS[3:6], d10=DIGITS[6:],
    )
    assert parse_receipt_number(text) == prefix + DIGITS


def test_full_width_characters_from_phone_keyboards_are_accepted():
    assert parse_receipt_number("ＥＡＣ２１９００１２３４５") == "EAC2190012345"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("EAC219001234", WRONG_LENGTH),
        ("EAC21900123456", WRONG_LENGTH),
        ("2190012345", WRONG_LENGTH),
        ("EAC", WRONG_LENGTH),
        ("XYZ2190012345", UNKNOWN_PREFIX),
        ("I0E2190012345", UNKNOWN_PREFIX),
        ("2190012345EAC", UNKNOWN_PREFIX),
        ("EAC21900I2345", LETTERS_IN_DIGITS),
        ("EACO190012345", LETTERS_IN_DIGITS),
        ("", NOT_A_RECEIPT),
        ("   ", NOT_A_RECEIPT),
        ("**", NOT_A_RECEIPT),
        ("hello", NOT_A_RECEIPT),
        ("EAC*2190012345", NOT_A_RECEIPT),
        ("EAC/2190012345", NOT_A_RECEIPT),
        ("EAC2190012345!", NOT_A_RECEIPT),
    ],
)
def test_typed_receipt_numbers_are_rejected_with_an_actionable_reason(text, reason):
    assert outcome(parse_receipt_number, text) == reason


def test_receipt_error_is_a_value_error_that_does_not_repeat_the_number():
    with pytest.raises(ValueError) as caught:
        parse_receipt_number("XYZ2190012345")
    assert caught.value.reason == UNKNOWN_PREFIX
    assert "2190012345" not in str(caught.value)


# --- keypad --------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, keys", PREFIX_KEYS.items())
def test_prefix_keys_are_the_letters_printed_on_the_phone(prefix, keys):
    assert keys_for(prefix) == keys


def test_every_prefix_has_its_own_keys():
    assert set(PREFIX_KEYS) == set(PREFIXES)
    assert len(set(PREFIX_KEYS.values())) == len(PREFIXES)
    assert {keys: prefix for prefix, keys in PREFIX_KEYS.items()} == KEYPAD_PREFIXES


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("ending", ["", "#"])
def test_every_prefix_can_be_keyed(prefix, ending):
    assert decode_keypad(keys_for(prefix) + DIGITS + ending) == prefix + DIGITS


def test_keyed_digits_after_the_prefix_are_kept_as_keyed():
    assert decode_keypad("4630912345678#") == "IOE0912345678"


@pytest.mark.parametrize(
    "keys, reason",
    [
        ("322219001234", WRONG_LENGTH),
        ("322219001234#", WRONG_LENGTH),
        ("32221900123456", WRONG_LENGTH),
        ("2190012345#", WRONG_LENGTH),
        ("2222190012345", NOT_A_RECEIPT),
        ("1112190012345", NOT_A_RECEIPT),
        ("0002190012345#", NOT_A_RECEIPT),
        ("*3222190012345", NOT_A_RECEIPT),
        ("322*2190012345", NOT_A_RECEIPT),
        ("322219#0012345", NOT_A_RECEIPT),
        ("EAC2190012345", NOT_A_RECEIPT),
        ("", NOT_A_RECEIPT),
        ("#", NOT_A_RECEIPT),
    ],
)
def test_keyed_entries_are_rejected_with_an_actionable_reason(keys, reason):
    assert outcome(decode_keypad, keys) == reason


# --- speech --------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize(
    "spell",
    [
        lambda p: " ".join(p),
        lambda p: ". ".join(p) + ".",
        lambda p: p,
        lambda p: p.lower(),
        NATO.get,
        ENGLISH_NAMES.get,
    ],
    ids=["letters", "dotted", "acronym", "lowercase", "nato", "letter-names"],
)
@pytest.mark.parametrize("digits", [DIGITS, "219-001-2345", ENGLISH_DIGITS])
def test_every_prefix_can_be_said_in_english(prefix, spell, digits):
    assert decode_speech(f"{spell(prefix)} {digits}", "en") == prefix + DIGITS


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("names", [SPANISH_NAMES, SPANISH_OTHER_NAMES, NATO], ids=["names", "variants", "nato"])
@pytest.mark.parametrize("digits", [DIGITS, SPANISH_DIGITS])
def test_every_prefix_can_be_said_in_spanish(prefix, names, digits):
    assert decode_speech(f"{names[prefix]} {digits}", "es") == prefix + DIGITS


@pytest.mark.parametrize(
    "transcript, expected",
    [
        ("E A C 2 1 9 0 0 1 2 3 4 5", "EAC2190012345"),
        ("EAC 219-001-2345", "EAC2190012345"),
        ("eac2190012345", "EAC2190012345"),
        ("My number is EAC2190012345.", "EAC2190012345"),
        ("It's E A C, 219 001 2345, thank you.", "EAC2190012345"),
        ("e as in echo a c 2 1 9 0 0 1 2 3 4 5", "EAC2190012345"),
        ("E as in Edward, A as in apple, C as in cat, 2190012345", "EAC2190012345"),
        ("E for echo A for alpha C for Charlie 2 1 9 0 0 1 2 3 4 5", "EAC2190012345"),
        ("E like elephant A C 2190012345", "EAC2190012345"),
        ("E A C two one nine oh oh one two three four five", "EAC2190012345"),
        ("E A C two one nine o o one two three four five", "EAC2190012345"),
        ("E A C two one nine double oh one two three four five", "EAC2190012345"),
        ("E A C triple two oh oh one two three four five", "EAC2220012345"),
        ("E A C twenty one ninety oh one twenty three forty five", "EAC2190012345"),
        ("E A C twenty-one nineteen double five one two three four", "EAC2119551234"),
        ("E A C nineteen ninety oh one two three four five", "EAC1990012345"),
        ("W A C to one nine oh oh one to three for five", "WAC2190012345"),
        ("I O E oh nine one two three four five six seven eight", "IOE0912345678"),
        ("eye oh ee zero nine one two three four five six seven eight", "IOE0912345678"),
        ("I owe E 0912345678", "IOE0912345678"),
        ("double you a see 2190012345", "WAC2190012345"),
        ("LIN 2190012345", "LIN2190012345"),
        ("one moment... E A C 2 1 9 0 0 1 2 3 4 5", "EAC2190012345"),
        ("I have a receipt number, it is E A C 2190012345", "EAC2190012345"),
        ("receipt number EA C 2190012345", "EAC2190012345"),
    ],
)
def test_english_transcripts(transcript, expected):
    assert decode_speech(transcript, "en") == expected


@pytest.mark.parametrize(
    "transcript, expected",
    [
        ("e a ce dos uno nueve cero cero uno dos tres cuatro cinco", "EAC2190012345"),
        ("Mi número es E A C, 219 001 2345.", "EAC2190012345"),
        ("mi numero de recibo es e a cé 2190012345", "EAC2190012345"),
        ("recibo EAC2190012345", "EAC2190012345"),
        ("e de España a ce dos uno nueve cero cero uno dos tres cuatro cinco", "EAC2190012345"),
        ("E de España, A de Argentina, C de casa, 2190012345", "EAC2190012345"),
        ("e como en España a ce 2190012345", "EAC2190012345"),
        ("e a ce dos uno nueve doble cero uno dos tres cuatro cinco", "EAC2190012345"),
        ("e a ce triple dos cero cero uno dos tres cuatro cinco", "EAC2220012345"),
        ("e a ce veintiuno noventa cero uno veintitrés cuarenta y cinco", "EAC2190012345"),
        ("e a ce diecinueve noventa cero uno dos tres cuatro cinco", "EAC1990012345"),
        ("e a ce dos un nueve cero cero un dos tres cuatro cinco", "EAC2190012345"),
        ("doble u a ce 2190012345", "WAC2190012345"),
        ("y griega ese ce 2190012345", "YSC2190012345"),
        ("i o e cero nueve uno dos tres cuatro cinco seis siete ocho", "IOE0912345678"),
        ("un momento, e a ce 2190012345", "EAC2190012345"),
    ],
)
def test_spanish_transcripts(transcript, expected):
    assert decode_speech(transcript, "es") == expected


@pytest.mark.parametrize(
    "transcript, lang, reason",
    [
        ("", "en", NOT_A_RECEIPT),
        ("I don't know", "en", NOT_A_RECEIPT),
        ("E A C two hundred nineteen 001 2345", "en", NOT_A_RECEIPT),
        ("E A C 2 1 9 0 0 1 2 3 4", "en", WRONG_LENGTH),
        ("E A C 2 1 9 0 0 1 2 3 4 5 6", "en", WRONG_LENGTH),
        ("2 1 9 0 0 1 2 3 4 5", "en", WRONG_LENGTH),
        ("E A C", "en", WRONG_LENGTH),
        ("X Y Z 2 1 9 0 0 1 2 3 4 5", "en", UNKNOWN_PREFIX),
        ("E A D 2190012345", "en", UNKNOWN_PREFIX),
        ("E A C 2 1 9 0 0 bravo 2 3 4 5", "en", LETTERS_IN_DIGITS),
        ("", "es", NOT_A_RECEIPT),
        ("no sé", "es", NOT_A_RECEIPT),
        ("e a ce doscientos diecinueve cero cero uno", "es", NOT_A_RECEIPT),
        ("e a ce dos uno nueve", "es", WRONG_LENGTH),
        ("a be ce dos uno nueve cero cero uno dos tres cuatro cinco", "es", UNKNOWN_PREFIX),
        ("e a ce dos uno nueve cero cero be dos tres cuatro cinco", "es", LETTERS_IN_DIGITS),
    ],
)
def test_unusable_transcripts_are_rejected_with_an_actionable_reason(transcript, lang, reason):
    assert outcome(decode_speech, transcript, lang) == reason


@pytest.mark.parametrize("call", [lambda: decode_speech("E A C 2190012345", "fr"), lambda: speech_hints("fr")])
def test_an_unsupported_language_is_a_programming_error_not_a_caller_error(call):
    with pytest.raises(ValueError) as caught:
        call()
    assert not isinstance(caught.value, ReceiptError)


@pytest.mark.parametrize(
    "lang, expected",
    [("en", ["E A C", "Y S C", "zero", "five", "nine"]), ("es", ["e a ce", "doble ve a ce", "cero", "cinco"])],
)
def test_speech_hints_name_the_prefixes_and_digits(lang, expected):
    hints = speech_hints(lang)
    assert set(expected) <= set(hints)
    # Twilio rejects more than 500 hints or any hint longer than 100 characters.
    assert len(hints) <= 500 and all(0 < len(hint) <= 100 for hint in hints)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_prefix_said_as_hinted_is_understood(lang, prefix):
    heard = {outcome(decode_speech, f"{hint} {DIGITS}", lang) for hint in speech_hints(lang)}
    assert prefix + DIGITS in heard


# --- read-back -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "receipt, groups",
    [
        ("EAC2190012345", ["E A C", "2 1 9", "0 0 1", "2 3 4 5"]),
        ("ioe-091-234-5678", ["I O E", "0 9 1", "2 3 4", "5 6 7 8"]),
        ("*YSC0000000000*", ["Y S C", "0 0 0", "0 0 0", "0 0 0 0"]),
    ],
)
def test_spoken_groups_read_back_slowly(receipt, groups):
    assert spoken_groups(receipt) == groups


def test_spoken_groups_refuses_what_is_not_a_receipt_number():
    assert outcome(spoken_groups, "EAC219001234") == WRONG_LENGTH
