"""The fake records the action tests use answer every method of the Records port, as declared."""

from __future__ import annotations

import inspect

import pytest

from ivr.actions.ports import Records
from tests.actions.fakes import FakeRecords

PORT_METHODS = sorted(name for name, _ in inspect.getmembers(Records, inspect.isfunction) if not name.startswith("_"))


def test_the_port_has_the_methods_the_actions_use():
    assert PORT_METHODS == ["allow_lookup", "book_callback", "booked_counts", "cancel_callback", "create_request",
                            "find_appointment", "find_callback", "find_case", "is_opted_out", "move_appointment",
                            "open_slot_starts", "record_opt_out", "request_chain"]


@pytest.mark.parametrize("name", PORT_METHODS)
def test_the_fake_answers_each_method_with_the_ports_parameters(name):
    port, fake = inspect.signature(getattr(Records, name)), inspect.signature(getattr(FakeRecords, name))
    assert list(fake.parameters) == list(port.parameters)
