"""No log line carries a whole receipt number or phone number."""

from __future__ import annotations

import logging
import sys

import pytest

from ivr.web.logs import MaskingFilter, mask


@pytest.mark.parametrize(("text", "expected"), [
    ("receipt EAC2190012345", "receipt EAC********45"),
    ("from +12025550143", "from **********43"),
    ("call (202) 555-0143 now", "call ************43 now"),
    ("call 202.555.0143", "call **********43"),
    ("abroad +442071838750", "abroad ***********50"),
    ("CA3782f2f7ea96463185627885957da08b", "CA3782f2f7ea96463185627885957da08b"),
    ("on 2026-11-28 at 10:30, 3 tries, id 12345678", "on 2026-11-28 at 10:30, 3 tries, id 12345678"),
])
def test_mask(text, expected):
    assert mask(text) == expected


def test_the_filter_masks_arguments_and_tracebacks():
    try:
        raise ValueError("no case EAC2190012345")
    except ValueError:
        record = logging.LogRecord("ivr", logging.ERROR, __file__, 1, "lookup %s for %s",
                                   ("WAC2190012345", "+12025550143"), exc_info=sys.exc_info())
    MaskingFilter().filter(record)
    assert record.getMessage() == "lookup WAC********45 for **********43"
    assert "EAC********45" in record.exc_text and "EAC2190012345" not in record.exc_text


def test_each_root_handler_masks_once_however_many_apps_a_process_builds(make_app):
    make_app(), make_app()
    for handler in logging.getLogger().handlers:
        assert sum(isinstance(f, MaskingFilter) for f in handler.filters) == 1
