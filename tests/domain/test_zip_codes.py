from datetime import date

import pytest

from ivr.domain.cases import Case
from ivr.domain.filer_zone import filer_zone
from ivr.domain.zip_codes import NOT_US, WRONG_LENGTH, ZipCodeError, check_zip, spoken_zip, zip_zone


@pytest.mark.parametrize(("text", "code", "zone"), [
    ("96813", "96813", "Pacific/Honolulu"),           # Honolulu
    ("85004", "85004", "America/Phoenix"),            # Phoenix: no daylight saving
    ("81003", "81003", "America/Denver"),             # Pueblo, Colorado
    ("00907", "00907", "America/Puerto_Rico"),        # San Juan
    ("00802", "00802", "America/St_Thomas"),          # St. Thomas, U.S. Virgin Islands
    ("96910", "96910", "Pacific/Guam"),               # Hagatna, Guam
    ("96950", "96950", "Pacific/Saipan"),             # Saipan, Northern Mariana Islands
    ("96799", "96799", "Pacific/Pago_Pago"),          # American Samoa
    ("99501", "99501", "America/Anchorage"),
    (" 10001-2345 ", "10001", "America/New_York"),    # ZIP+4, as written on a form
])
def test_a_us_zip_code_and_its_zone(text, code, zone):
    assert check_zip(text) == code
    assert zip_zone(code) == zone


@pytest.mark.parametrize(("text", "reason"), [
    ("00000", NOT_US), ("99999", NOT_US), ("11111", NOT_US),
    ("9681", WRONG_LENGTH), ("968133", WRONG_LENGTH), ("", WRONG_LENGTH), ("K1A0B1", WRONG_LENGTH),
    ("SW1A 1AA", WRONG_LENGTH), ("96813-12", WRONG_LENGTH),
])
def test_what_is_not_a_us_zip_code_is_refused_with_its_reason(text, reason):
    with pytest.raises(ZipCodeError) as refused:
        check_zip(text)
    assert refused.value.reason == reason


def test_a_military_zip_code_is_a_us_one_with_no_zone():
    assert check_zip("09012") == "09012"  # APO AE
    assert zip_zone("09012") is None


def test_a_zip_code_is_read_back_digit_by_digit():
    assert spoken_zip("96813") == "9 6 8 1 3"


def case(location, filing_zip=None):
    return Case("EAC2190012345", "I-485", "case_received", date(2026, 11, 3), location, False, filing_zip)


@pytest.mark.parametrize(("location", "filing_zip", "zone"), [
    ("vsc", "96813", "Pacific/Honolulu"),           # the filing's ZIP, not the Vermont Service Center's zone
    ("csc", "85004", "America/Phoenix"),
    ("nbc", "96910", "Pacific/Guam"),
    ("fo_new_orleans", "00907", "America/Puerto_Rico"),  # the ZIP comes before the office
    ("fo_new_orleans", None, "America/Chicago"),         # else the field office that has the case
    ("asc_honolulu", None, "Pacific/Honolulu"),
    ("fo_phoenix", "09012", "America/Phoenix"),          # a military ZIP has no zone: the office's
    ("vsc", None, None), ("csc", None, None), ("nbc", None, None),  # never a service center's zone
    ("vsc", "09012", None),
])
def test_the_filers_zone(location, filing_zip, zone):
    assert filer_zone(case(location, filing_zip)) == zone
