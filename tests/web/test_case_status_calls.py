"""Whole case-status calls: keypad and speech, read-back, privacy, and the look-up limits."""

from __future__ import annotations

import pytest

from ivr.domain.receipts import KEYPAD_PREFIXES
from ivr.harness.simulator import CallFailed
from tests.conftest import simulated_call, slow_texts

KEYS_FOR = {prefix: keys for keys, prefix in KEYPAD_PREFIXES.items()}
ASK = {"en": "Please enter the 13-character receipt number", "es": "Marque el número de recibo"}
READ_BACK = {"en": "You entered: E A C, 2 1 9, 0 0 1, 2 3 4 5.", "es": "Usted ingresó: E A C, 2 1 9, 0 0 1, 2 3 4 5."}
STATUS = {
    "en": "Form I-485. We received your case",
    "es": "Formulario I-485. Recibimos su caso",
}
DATE = {"en": "This status is from November 3, 2026.",
        "es": "Este estado es del 3 de noviembre de 2026."}


def asking(call, lang="en", **kwargs):
    """A call at the receipt-number prompt."""
    return call(**kwargs).start().press({"en": "1", "es": "2"}[lang]).press("1")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_keypad_lookup_reads_back_and_speaks_the_status(call, lang):
    c = asking(call, lang)
    assert ASK[lang] in c.last_heard
    c.press("3222190012345#")
    assert READ_BACK[lang] in c.last_heard
    c.press("1")
    assert STATUS[lang] in c.last_heard and DATE[lang] in c.last_heard
    *in_language, switch = c.turn  # the menu ends with the offer of the other language, in that language
    assert {h.language for h in in_language} == {f"{lang}-US"} and switch.language != f"{lang}-US"


@pytest.mark.parametrize(("lang", "spoken", "yes"), [
    ("en", "E A C 2 1 9 0 0 1 2 3 4 5", "yes"),
    ("en", "e as in echo a c two one nine oh oh one two three four five", "correct"),
    ("es", "e a ce dos uno nueve cero cero uno dos tres cuatro cinco", "sí"),
    ("es", "mi número es EAC 219-001-2345", "correcto"),
])
def test_speech_lookup_in_each_language(call, lang, spoken, yes):
    c = asking(call, lang).say(spoken).say(yes)
    assert STATUS[lang] in c.all_heard and DATE[lang] in c.last_heard


def test_the_read_back_is_spoken_slowly(call):
    c = asking(call).press("3222190012345")
    assert "E A C, 2 1 9, 0 0 1, 2 3 4 5." in slow_texts(c.documents[-1])


@pytest.mark.parametrize(("receipt", "groups"), [
    ("IOE0912345678", "I O E, 0 9 1, 2 3 4, 5 6 7 8"),
    ("WAC2190054321", "W A C, 2 1 9, 0 0 5, 4 3 2 1"),
])
def test_other_prefixes_by_keypad(call, receipt, groups):
    c = asking(call).press(KEYS_FOR[receipt[:3]] + receipt[3:] + "#")
    assert groups in c.last_heard
    c.press("1")
    assert "Form I-" in c.last_heard


@pytest.mark.parametrize(("lang", "reason"), [
    ("en", "A receipt number has 13 characters: 3 letters and 10 digits."),
    ("es", "Un número de recibo tiene 13 caracteres: 3 letras y 10 dígitos."),
])
def test_a_short_number_is_explained_and_asked_again(call, lang, reason):
    c = asking(call, lang).press("322219001234#")
    assert reason in c.last_heard
    assert ("enter or say the receipt number again" if lang == "en" else "marque o diga el número") in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_speech_that_cannot_be_decoded_gets_a_keypad_only_follow_up(call, lang):
    c = asking(call, lang).say("I don't have it with me")
    assert ("Please use your keypad" if lang == "en" else "Por favor, use el teclado") in c.last_heard
    with pytest.raises(CallFailed, match="not speech"):
        c.say("E A C 2 1 9")
    c.press("3222190012345#")
    assert READ_BACK[lang] in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_three_failed_attempts_lead_to_an_agent(call, lang):
    c = asking(call, lang)
    c.press("9999999999999")                      # 1: not a receipt number
    c.press("3229999999999#").press("1")          # 2: a well-formed number with no case
    assert ("could not find a case" if lang == "en" else "No pudimos encontrar un caso") in c.last_heard
    c.press("3222190012345#").press("2")          # 3: the caller rejects the read-back
    assert [t.target for t in c.transfers] == ["tier1"]
    assert "Recibimos su caso" not in c.all_heard and "We received your case" not in c.all_heard


def test_not_found_answers_are_the_same_whatever_the_prefix(call):
    heard = []
    for receipt in ("EAC2190012346", "WAC2190012345", "YSC2190012345"):  # EAC..345 exists, these do not
        c = asking(call).press(KEYS_FOR[receipt[:3]] + receipt[3:]).press("1")
        heard.append(c.last_heard)
    assert len(set(heard)) == 1


@pytest.mark.parametrize(("key", "heard"), [
    ("1", "We received your case"),
    ("2", "Please enter or say the receipt number again."),
    ("4", "Thank you for calling. Goodbye."),
])
def test_after_the_status(call, key, heard):
    c = asking(call).press("3222190012345").press("1").press(key)
    assert heard in c.last_heard


def test_after_the_status_an_agent(call):
    c = asking(call).press("3222190012345").press("1").press("3")
    assert [t.target for t in c.transfers] == ["tier1"]


def test_star_at_the_read_back_repeats_the_number(call):
    c = asking(call).press("3222190012345").press("*")
    assert READ_BACK["en"] in c.last_heard


def test_zero_while_asked_for_a_receipt_reaches_an_agent(call):
    c = asking(call).press("0")
    assert [t.target for t in c.transfers] == ["tier1"]


def lookups(c, count):
    """Make `count` look-ups of the demo case on one call."""
    c.press("3222190012345").press("1")
    for _ in range(count - 1):
        c.press("2").press("3222190012345").press("1")
    return c


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_per_call_limit_sends_the_caller_to_an_agent(make_app, lang):
    app = make_app(LOOKUPS_PER_CALL="2")
    c = lookups(asking(lambda **k: simulated_call(app, **k), lang), 2)
    assert STATUS[lang] in c.last_heard
    c.press("2").press("3222190012345").press("1")
    assert ("cannot look up more cases" if lang == "en" else "No podemos consultar más casos") in c.last_heard
    assert [t.target for t in c.transfers] == ["tier1"]


def test_the_per_caller_limit_holds_across_two_app_instances(make_app):
    first, second = make_app(LOOKUPS_PER_CALLER="3"), make_app(LOOKUPS_PER_CALLER="3")
    lookups(asking(lambda **k: simulated_call(first, **k)), 2)
    c = asking(lambda **k: simulated_call(second, **k))
    lookups(c, 1)
    assert "We received your case" in c.last_heard
    c.press("2").press("3222190012345").press("1")
    assert "cannot look up more cases" in c.last_heard
    other = lookups(asking(lambda **k: simulated_call(second, caller="+13125550100", **k)), 1)
    assert "We received your case" in other.last_heard  # another caller is not held back


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("receipt", ["EAC2190066666", "EAC2190077777"])  # an I-918 (U visa); a VAWA I-360
def test_a_protected_case_goes_to_tier3_with_no_status_spoken(call, lang, receipt):
    c = asking(call, lang).press(KEYS_FOR["EAC"] + receipt[3:] + "#").press("1")
    assert ("senior officers" if lang == "en" else "oficiales superiores") in c.all_heard
    assert [t.target for t in c.transfers] == ["tier3"]
    spoken = c.all_heard
    for words in ("Form I-", "Formulario", "actively", "revisando", "This status is from", "Este estado es"):
        assert words not in spoken


def test_an_i360_not_flagged_protected_is_read_out(call):
    c = asking(call).press(KEYS_FOR["LIN"] + "2190011111#").press("1")
    assert "Form I-360" in c.last_heard and not c.transfers
