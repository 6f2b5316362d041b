"""No log line carries a whole receipt number or phone number."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from ivr import create_app
from ivr.config import ROOT
from ivr.domain.callbacks import Booking
from ivr.harness.local import LocalBackend
from ivr.harness.suite import run_files, scenario_files
from ivr.runtime import runtime
from ivr.store.callbacks import book
from ivr.web.logs import MaskingFilter, mask

ACCOUNT = "AC" + "1" * 32


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


def unmasked(lines: list[str]) -> list[str]:
    """The lines that still hold something masking would hide (a whole number, a receipt)."""
    return [line for line in lines if mask(line) != line]


def test_child_and_library_loggers_are_masked_on_one_line(make_app, caplog):
    make_app()
    caplog.set_level(logging.DEBUG)
    logging.getLogger("ivr.worker.callbacks").warning("The 'To' number %s is not a valid phone number", "+13105550177")
    logging.getLogger("twilio.http_client").info("Data: {'To': '(310) 555-0177', 'Case': 'EAC2190012345'}")
    logging.getLogger("ivr").info("call %s from %s", "CA" + "1" * 32, "+12025550143\nERROR forged: all is lost")
    lines = caplog.text.splitlines()
    assert not unmasked(lines) and len(caplog.records) == 3
    assert not any(line.startswith("ERROR forged") for line in lines)
    assert caplog.records[-1].getMessage().endswith("**********43\\nERROR forged: all is lost")


def test_json_log_lines_for_log_shippers(make_app):
    from flask.logging import default_handler

    formatter = default_handler.formatter
    try:
        app = make_app(LOG_FORMAT="json")
        app.logger.addHandler(default_handler)  # as under gunicorn, where no other handler takes the app's records
        make_app(LOG_FORMAT="json")
        try:
            raise ValueError("no case EAC2190012345\nfor +12025550143")
        except ValueError:
            record = logging.getLogger("ivr.worker.callbacks").makeRecord(
                "ivr.worker.callbacks", logging.ERROR, __file__, 1, "callback %s: %s", (7, "+13105550177"),
                sys.exc_info())
        entry = json.loads(default_handler.format(record))
        assert (entry["level"], entry["logger"], entry["message"]) == ("ERROR", "ivr.worker.callbacks",
                                                                       "callback 7: **********77")
        assert "EAC********45" in entry["exception"] and "+12025550143" not in entry["exception"]
        assert entry["time"].endswith("+00:00")
    finally:
        app.logger.removeHandler(default_handler)
        default_handler.setFormatter(formatter)


@Request.application
def refuse_every_number(request):
    """Twilio's Calls API refusing a number, as it does (error 21211 echoes the number)."""
    to = request.form.get("To", "")
    body = {"code": 21211, "message": f"The 'To' number {to} is not a valid phone number.", "status": 400}
    return Response(json.dumps(body), 400, mimetype="application/json")


@contextmanager
def refusing_twilio():
    """A loopback Calls API that refuses every call; its base URL."""
    server = make_server("127.0.0.1", 0, refuse_every_number, threaded=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def app_log():
    """What the app's own handler writes, as under gunicorn: a handler on the `ivr` logger (the worker's
    records reach it) and one on the twilio library's, which echoes the requests it sends."""
    stream, loggers = io.StringIO(), [logging.getLogger("ivr"), logging.getLogger("twilio")]
    handler = logging.StreamHandler(stream)
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield stream
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_no_whole_number_in_any_log_line_of_the_shipped_scenarios_and_a_refused_callback(make_app, tmp_path,
                                                                                          app_log):
    backend = LocalBackend(create_app, tmp_path / "harness")
    try:
        result = run_files(scenario_files([ROOT / "tests" / "scenarios"]), backend, backend.flowset)
    finally:
        backend.close()
    assert result.count("passed") > 50
    with refusing_twilio() as api_url:
        app = make_app(PUBLIC_BASE_URL="https://ivr.example.gov", TWILIO_API_BASE_URL=api_url,
                       TWILIO_ACCOUNT_SID=ACCOUNT)
        with app.app_context():
            book(runtime().store, Booking(booked_by_call="CA" + "9" * 32, receipt_number="EAC2190012345",
                                          time_zone="America/New_York", phone="+13105550177", lang="es",
                                          tier="tier1", purpose="agent",
                                          scheduled_for=datetime(2026, 11, 30, 14, 0, tzinfo=UTC)),
                 capacity=10, now=datetime(2026, 11, 30, 14, 0, tzinfo=UTC))
        assert app.test_cli_runner().invoke(args=["callbacks", "work", "--once"]).exit_code == 0
    written = app_log.getvalue()
    assert "is not a valid phone number" in written and "Traceback" in written  # the REST error, masked
    assert "call CA" in written  # the calls of the scenarios were logged
    assert not unmasked(written.splitlines())
