"""Fixtures for the action tests: a line on fake records, no app, no database."""

from __future__ import annotations

import pytest

from tests.actions.line import Line


@pytest.fixture
def line() -> Line:
    """A line at 10 a.m. Eastern on a Monday, with empty records and a fresh call."""
    return Line()
