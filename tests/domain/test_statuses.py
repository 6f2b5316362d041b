import re

import pytest

from ivr.domain.statuses import STATUSES, status_by_code

EXPECTED_CODES = [
    "case_received",
    "fingerprint_fee_received",
    "biometrics_scheduled",
    "actively_reviewed",
    "rfe_sent",
    "rfe_response_received",
    "interview_scheduled",
    "interview_completed",
    "case_transferred",
    "approved",
    "card_being_produced",
    "card_mailed",
    "card_delivered",
    "card_returned",
    "denied",
    "withdrawal_acknowledged",
    "case_rejected",
    "reopened",
]


def test_codes_are_unique():
    codes = [status.code for status in STATUSES]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("status", STATUSES, ids=lambda s: s.code)
def test_code_is_snake_case(status):
    assert re.fullmatch(r"[a-z]+(_[a-z]+)*", status.code)


@pytest.mark.parametrize("status", STATUSES, ids=lambda s: s.code)
def test_wording_is_spoken_sentences_in_both_languages(status):
    assert status.en.strip() and status.es.strip()
    assert status.es != status.en
    for text in (status.en, status.es):
        assert text == text.strip()
        assert text[0].isupper()
        assert text.endswith(".")


@pytest.mark.parametrize("status", STATUSES, ids=lambda s: s.code)
def test_spanish_uses_formal_register(status):
    # "tu"/"tus"/"te" would be the informal register the agency never uses.
    words = re.findall(r"\w+", status.es.lower())
    assert not {"tu", "tus", "te", "ti"} & set(words)


@pytest.mark.parametrize("code", EXPECTED_CODES)
def test_common_status_is_covered(code):
    status = status_by_code(code)
    assert status is not None
    assert status.code == code


@pytest.mark.parametrize(
    "code, en, es",
    [
        ("case_received", "We received your case.", "Recibimos su caso."),
        ("approved", "We approved your case.", "Aprobamos su caso."),
        (
            "card_mailed",
            "We mailed your new card.",
            "Le enviamos su nueva tarjeta por correo.",
        ),
    ],
)
def test_wording_examples(code, en, es):
    status = status_by_code(code)
    assert (status.en, status.es) == (en, es)


@pytest.mark.parametrize("code", ["", "Case_Received", "case received", "unknown"])
def test_unknown_code_gives_none(code):
    assert status_by_code(code) is None


def test_status_is_frozen():
    with pytest.raises(AttributeError):
        STATUSES[0].en = "changed"
