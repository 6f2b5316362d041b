import pytest

from ivr.domain.phone_numbers import (
    REASONS,
    CallbackNumberError,
    parse_callback_number,
    spoken_number_groups,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Keypad entry: ten digits, or eleven with the leading 1.
        ("2025550143", "+12025550143"),  # Washington, DC
        ("12025550143", "+12025550143"),
        ("3125550100", "+13125550100"),  # Chicago
        # Caller ID arrives in E.164.
        ("+12025550143", "+12025550143"),
        ("+13125550100", "+13125550100"),
        # Written forms an agent might paste.
        ("(202) 555-0143", "+12025550143"),
        (" 202.555.0143 ", "+12025550143"),
        # Territories share +1 and are ours to call.
        ("7872345678", "+17872345678"),  # Puerto Rico
        ("+16713001234", "+16713001234"),  # Guam
        ("13406421234", "+13406421234"),  # US Virgin Islands
        ("6846221234", "+16846221234"),  # American Samoa
        ("+16702345678", "+16702345678"),  # Northern Mariana Islands
    ],
)
def test_accepted_numbers(text, expected):
    assert parse_callback_number(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # The caller stopped early.
        ("", "too_short"),
        ("1", "too_short"),
        ("202", "too_short"),
        ("202555", "too_short"),
        ("5550143", "too_short"),  # no area code
        ("1202555014", "too_short"),  # 1 + nine digits
        ("+1202555014", "too_short"),
        # Not a number we could dial.
        ("22025550143", "invalid"),  # eleven digits not starting with 1
        ("202555014312", "invalid"),
        ("0205550143", "invalid"),  # area codes never start with 0
        ("anonymous", "invalid"),
        # Other countries, including +1 ones.
        ("+442079460958", "not_us"),  # London
        ("011442079460958", "not_us"),  # the same, dialled from the US
        ("+16135550123", "not_us"),  # Ottawa
        ("8765550123", "not_us"),  # Jamaica
        # Service lines and premium rate.
        ("8003755283", "toll_free"),
        ("18003755283", "toll_free"),
        ("+18003755283", "toll_free"),
        ("8883755283", "toll_free"),
        ("9002345678", "premium"),
        ("+19002345678", "premium"),
    ],
)
def test_refused_numbers(text, reason):
    with pytest.raises(CallbackNumberError) as caught:
        parse_callback_number(text)
    assert caught.value.reason == reason
    assert reason in REASONS


def test_error_is_a_value_error_with_its_reason():
    with pytest.raises(ValueError, match="toll_free"):
        parse_callback_number("8003755283")


def test_unknown_reason_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown reason"):
        CallbackNumberError("busy")


@pytest.mark.parametrize(
    ("e164", "groups"),
    [
        ("+12025550143", ["2 0 2", "5 5 5", "0 1 4 3"]),
        ("+13125550100", ["3 1 2", "5 5 5", "0 1 0 0"]),
        ("+17872345678", ["7 8 7", "2 3 4", "5 6 7 8"]),
    ],
)
def test_spoken_number_groups(e164, groups):
    assert spoken_number_groups(e164) == groups


def test_read_back_of_a_keyed_number():
    assert spoken_number_groups(parse_callback_number("16713001234")) == ["6 7 1", "3 0 0", "1 2 3 4"]


@pytest.mark.parametrize("text", ["2025550143", "+442079460958", "+1202555014", "+12025550143 "])
def test_spoken_number_groups_needs_a_us_e164(text):
    with pytest.raises(ValueError):
        spoken_number_groups(text)
