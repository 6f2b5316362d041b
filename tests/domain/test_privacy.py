"""VAWA, U and T matters are never read out."""

from __future__ import annotations

import pytest

from ivr.domain.privacy import is_protected


@pytest.mark.parametrize(("form", "flag", "protected"), [
    ("I-914", False, True), ("I-914A", False, True), ("I-918", False, True), ("I-918A", False, True),
    ("I-929", False, True), ("i-918a ", False, True),
    ("I-360", True, True),    # a VAWA self-petition, flagged
    ("I-360", False, False),  # e.g. a religious worker
    ("I-485", False, False), ("N-400", False, False), ("I-485", True, True),
])
def test_is_protected(form, flag, protected):
    assert is_protected(form, flag) is protected
