"""Reference numbers as callers key, say and hear them; offices as callers hear them named."""

from __future__ import annotations

import re

import pytest

from ivr.domain.locations import location_by_id
from ivr.domain.office_names import office_to, spoken_office
from ivr.domain.references import (
    NOT_A_REFERENCE,
    WRONG_LENGTH,
    RequestNumberError,
    decode_reference_keys,
    decode_reference_speech,
    new_reference,
    spoken_reference,
)


@pytest.mark.parametrize(("keys", "reference"), [
    ("48151623", "SR48151623"),
    ("48151623#", "SR48151623"),
    ("7748151623#", "SR48151623"),   # S and R keyed on 7 first
    ("00000007", "SR00000007"),
])
def test_keyed_reference_numbers(keys, reference):
    assert decode_reference_keys(keys) == reference


@pytest.mark.parametrize(("keys", "reason"), [
    ("4815162", WRONG_LENGTH), ("481516234", WRONG_LENGTH), ("8848151623", WRONG_LENGTH),
    ("", NOT_A_REFERENCE), ("4815*623", NOT_A_REFERENCE),
])
def test_keyed_numbers_that_are_not_references(keys, reason):
    with pytest.raises(RequestNumberError) as refused:
        decode_reference_keys(keys)
    assert refused.value.reason == reason


@pytest.mark.parametrize(("lang", "transcript"), [
    ("en", "S R 4 8 1 5 1 6 2 3"),
    ("en", "SR48151623"),
    ("en", "my reference is S R 4815 1623"),
    ("en", "four eight one five one six two three"),
    ("en", "s as in sierra r four eight one five one six two three"),
    ("es", "ese erre cuatro ocho uno cinco uno seis dos tres"),
    ("es", "cuatro ocho uno cinco uno seis dos tres"),
])
def test_spoken_reference_numbers(lang, transcript):
    assert decode_reference_speech(transcript, lang) == "SR48151623"


@pytest.mark.parametrize(("lang", "transcript"), [
    ("en", "E A C 2 1 9 0 0 1 2 3 4 5"),   # a receipt number, not a reference
    ("en", "S R 4 8 1 5"),
    ("en", "I don't know"),
    ("es", "no lo tengo"),
])
def test_speech_that_is_no_reference_number(lang, transcript):
    with pytest.raises(RequestNumberError):
        decode_reference_speech(transcript, lang)


def test_the_read_back_is_letter_by_letter_and_digit_by_digit_in_groups():
    assert spoken_reference("SR48151623") == "S R, 4 8 1 5, 1 6 2 3"


def test_new_references_are_random_eight_digit_numbers():
    assert new_reference(lambda _limit: 42) == "SR00000042"
    assert re.fullmatch(r"SR[0-9]{8}", new_reference())
    assert len({new_reference() for _ in range(50)}) == 50


@pytest.mark.parametrize(("location", "en", "es"), [
    ("asc_phoenix", "the Phoenix Application Support Center",
     "el Centro de Asistencia en Solicitudes de Phoenix"),
    ("vsc", "the Vermont Service Center", "el Centro de Servicio de Vermont"),
    ("nbc", "the National Benefits Center", "el Centro Nacional de Beneficios"),
    ("fo_new_orleans", "the New Orleans Field Office", "la Oficina Local de Nueva Orleans"),
])
def test_offices_are_named_with_their_article(location, en, es):
    office = location_by_id(location)
    assert (spoken_office(office, "en"), spoken_office(office, "es")) == (en, es)


@pytest.mark.parametrize(("routed_to", "lang", "destination"), [
    ("vsc", "en", "to the Vermont Service Center"),
    ("vsc", "es", "al Centro de Servicio de Vermont"),   # a + el: al
    ("fo_phoenix", "es", "a la Oficina Local de Phoenix"),
    ("tier2", "en", "to our Immigration Services Officers"),
    ("tier2", "es", "a nuestros oficiales de servicios de inmigración"),
])
def test_where_a_request_went(routed_to, lang, destination):
    assert office_to(routed_to, lang) == destination
