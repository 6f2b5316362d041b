"""A webhook's fields read as werkzeug reads them: the value sent, else the default."""

from __future__ import annotations

from flask import request

from ivr.web.fields import Fields


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
