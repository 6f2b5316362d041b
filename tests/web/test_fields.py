"""A webhook's fields read as werkzeug reads them: the value sent, else the default."""

from __future__ import annotations

from io import BytesIO

import pytest
from flask import Request, request
from werkzeug.exceptions import ClientDisconnected
from werkzeug.test import EnvironBuilder

from ivr.web.fields import SMALL_FORM, Fields, WebhookRequest
from ivr.web.line_app import LineApp


def test_a_field_reads_as_sent_or_as_the_default_when_absent():
    fields = Fields([("Digits", "1"), ("Digits", "2"), ("Confidence", "0.9"), ("QueueTime", "soon")])
    assert fields.get("Digits") == "1" and fields.getlist("Digits") == ["1", "2"]
    assert fields.get("SpeechResult") is None and fields.get("SpeechResult", "") == ""
    assert fields.get("Confidence", type=float) == 0.9
    assert fields.get("QueueTime", 0, type=int) == 0  # not a number: the default, as werkzeug gives it
    assert fields.get("Missing", 7, type=int) == 7


def test_the_apps_requests_read_their_form_and_query_as_fields(make_app):
    app = make_app()
    with app.test_request_context("/voice/gather?node=main.main_menu", method="POST", data={"Digits": "1"}):
        assert isinstance(request.form, Fields) and isinstance(request.args, Fields)
        assert request.args.get("state") is None and request.form.get("Digits") == "1"


TRICKY = (b"CallSid=CA1&SpeechResult=caso+E%C3%89C+219&Digits=1&Digits=2&Empty=&Odd=%ZZ%41&Plus=%2B1202"
          b"&Semi=a;b&Unicode=se%C3%B1or&=blank")


def werkzeug_form(body: bytes, content_type: str = "application/x-www-form-urlencoded") -> Request:
    """werkzeug's own reading of a form body."""
    return Request.from_values("/voice", method="POST", input_stream=BytesIO(body), content_length=len(body),
                               content_type=content_type)


def webhook_form(body: bytes, content_type: str = "application/x-www-form-urlencoded",
                 length: int | None = None) -> WebhookRequest:
    """The app's reading of a form body (whose Content-Length may say more than was sent)."""
    environ = EnvironBuilder("/voice", method="POST", input_stream=BytesIO(body), content_length=len(body),
                             content_type=content_type).get_environ()
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    return WebhookRequest(environ)


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded",
                                          "application/x-www-form-urlencoded; charset=utf-8",
                                          "Application/X-WWW-Form-Urlencoded;charset=UTF-8"])
def test_a_form_reads_as_werkzeug_reads_it(content_type):
    """Repeated and blank fields, escapes, a bad escape, a plus sign and UTF-8 read the same either way."""
    ours, theirs = webhook_form(TRICKY, content_type), werkzeug_form(TRICKY, content_type)
    assert list(ours.form.lists()) == list(theirs.form.lists())
    assert ours.form["SpeechResult"] == "caso EÉC 219" and ours.form.getlist("Digits") == ["1", "2"]
    assert ours.form["Plus"] == "+1202" and ours.form["Odd"] == "%ZZA" and ours.form["Empty"] == ""
    assert isinstance(ours.form, Fields) and not ours.files


def test_a_large_form_goes_through_werkzeug_and_its_limits():
    """A form larger than any webhook's still reads whole, within the app's MAX_FORM_MEMORY_SIZE."""
    body = b"CallSid=CA1&Notes=" + b"x" * (SMALL_FORM + 10)
    request_ = webhook_form(body)
    assert request_.form["Notes"] == "x" * (SMALL_FORM + 10)
    assert isinstance(request_.form, Fields)


def test_a_body_cut_short_is_a_client_that_went_away():
    """A body shorter than its Content-Length says: the client disconnected, as werkzeug reports it."""
    with pytest.raises(ClientDisconnected):
        webhook_form(b"CallSid=CA1&Digits=1", length=400).form.get("Digits")


def test_a_webhook_posted_as_multipart_still_reads(client_for_forms):
    """A form sent as multipart (not Twilio's way, but valid HTTP) reaches the view through werkzeug."""
    response = client_for_forms.post("/echo", data={"Digits": "4", "CallSid": "CA9"},
                                     content_type="multipart/form-data")
    assert response.get_json() == {"Digits": "4", "CallSid": "CA9"}


@pytest.fixture
def client_for_forms():
    """A LineApp with one view that echoes its form."""
    app = LineApp("forms")

    @app.post("/echo")
    def echo():
        return dict(request.form.items())

    return app.test_client()


def test_the_apps_views_and_hooks_run_as_written():
    """The app remembers which of its functions are synchronous: each still runs on every request, and an
    async function is never taken for one."""
    app = LineApp("sync")
    seen = []

    @app.before_request
    def before():
        seen.append("before")

    @app.get("/plain")
    def plain():
        return "plain"

    async def awaited():
        return "awaited"

    client = app.test_client()
    for _ in range(3):
        assert client.get("/plain").text == "plain"
    assert seen == ["before"] * 3
    for _ in range(2):
        try:
            synced = app.ensure_sync(awaited)
        except RuntimeError:  # Flask without asgiref refuses async functions
            synced = None
        assert synced is not awaited
