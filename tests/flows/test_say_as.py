"""Which parts of what the line says are marked up with <say-as>, in English and Spanish."""

from __future__ import annotations

import pytest

from ivr.flows.say_as import CHARACTERS, DIGITS, TELEPHONE, say_as_parts

CASES = [
    ("call our TTY line at 800-767-1833, or dial 711.", [("800-767-1833", TELEPHONE), ("711", DIGITS)]),
    ("llame a nuestra línea TTY al 800-767-1833, o marque 711.", [("800-767-1833", TELEPHONE), ("711", DIGITS)]),
    ("Call 1-800-375-5283 today.", [("1-800-375-5283", TELEPHONE)]),
    ("Form I-130, receipt number E A C, 2 1 9, 0 0 1, 2 3 4 5.",
     [("E A C", CHARACTERS), ("2 1 9", DIGITS), ("0 0 1", DIGITS), ("2 3 4 5", DIGITS)]),
    ("Su llamada C B, 4 1 5 2, 0 0 0 3 está programada",
     [("C B", CHARACTERS), ("4 1 5 2", DIGITS), ("0 0 0 3", DIGITS)]),
    ("The case EAC2190012345 and the request SR20261002.",
     [("EAC", CHARACTERS), ("2190012345", DIGITS), ("SR", CHARACTERS), ("20261002", DIGITS)]),
    ("Usted marcó el código postal 8 5 0 0 4, hora de Arizona.", [("8 5 0 0 4", DIGITS)]),
    ("1250 Poydras Street, Nueva Orleans, Luisiana 70113", [("70113", DIGITS)]),
    ("ZIP+4 19104-1234.", [("19104-1234", DIGITS)]),
    # words, times, amounts, forms and keys stay as they are
    ("For the status of a case, press 1. At 10:30 a.m. on December 1, 2026.", []),
    ("Form I-130 or I-918, a fee of $10,000 or 1.5 times, press 3, 2, 2.", []),
    ("VAWA, U or T matters. A receipt number. U.S. citizens.", []),
    ("Usted es el número 12 en la fila; espere unos 15 minutos.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_numbers_are_marked_up_for_how_they_are_read(text, expected):
    parts = say_as_parts(text)
    assert [(part.text, part.interpret_as) for part in parts if part.interpret_as] == expected
    assert "".join(part.text for part in parts) == text  # nothing lost or added around the markup


def test_plain_words_are_one_part():
    assert say_as_parts("Gracias por llamar. Adiós.") == [("Gracias por llamar. Adiós.", None)]
    assert say_as_parts("") == []
