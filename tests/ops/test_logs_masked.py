"""What the line logs while calls are recorded and operators work: no receipt or phone number whole."""

from __future__ import annotations

import logging
import re

from tests.conftest import simulated_call
from tests.ops.conftest import sign_in
from tests.ops.test_test_call import walk_to_status

CALLER = "+13105550143"


def test_no_number_is_logged_whole(app, supervisor, caplog):
    caplog.set_level(logging.DEBUG)
    simulated_call(app, caller=CALLER).start().press("1").press("1").say("E A C 2190012345").press("1").hangup()
    c = simulated_call(app, caller=CALLER).start().press("1").press("1").press("3222190012345#").press("1")
    c.hangup()
    sign_in(app.test_client(), "sam", "a wrong password entirely")
    walk_to_status(supervisor, "1")
    app.test_cli_runner().invoke(args=["calls", "show", c.call_sid])
    logged = caplog.text
    assert "call " in logged  # the webhooks did log
    assert "3105550143" not in logged and "2190012345" not in logged
    assert not re.search(r"\b[A-Z]{3}\d{10}\b", logged)
