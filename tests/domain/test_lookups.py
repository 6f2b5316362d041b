"""Who a look-up counts against: one key per number however written, one for all withheld numbers."""

from __future__ import annotations

import random

import pytest

from ivr.domain.lookups import WITHHELD_CALLER, caller_key


@pytest.mark.parametrize("spelled", ["+12025550143", "2025550143", "(202) 555-0143", "1-202-555-0143",
                                     "+1 202.555.0143", " +12025550143 "])
def test_a_number_however_written_is_counted_in_e164(spelled):
    assert caller_key(spelled) == "+12025550143"


@pytest.mark.parametrize("withheld", ["anonymous", "Anonymous", "", "  ", "restricted", "unknown", "+266696687",
                                      "+86282452253", "+7378742833"])
def test_every_withheld_number_is_one_shared_caller(withheld):
    assert caller_key(withheld) == WITHHELD_CALLER


@pytest.mark.parametrize("caller_id", ["sip:" + "a" * 300 + "@example.com", "client:agent-7", "sip:Bob@Example.com"])
def test_a_caller_id_that_is_no_number_fits_the_store_and_is_stable(caller_id):
    key = caller_key(caller_id)
    assert key.startswith("id:") and len(key) <= 32
    assert caller_key(caller_id.upper()) == key and caller_key("sip:other@example.com") != key


def test_a_us_number_as_twilio_sends_it_is_the_key_any_other_spelling_of_it_gets():
    numbers = random.Random(12).sample(range(2002000000, 9999999999), 400) + [2002000000, 8005551234, 9999999999]
    for digits in (str(n) for n in numbers if str(n)[3] not in "01"):  # area code and exchange start 2-9
        spelled = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
        assert caller_key("+1" + digits) == caller_key(spelled) == "+1" + digits
