"""The reference apps bench/bench_webhooks.py serves beside the IVR, with gunicorn.

    gunicorn --pythonpath bench 'webhook_bench.references:bare_app("answers.json")'
    gunicorn --pythonpath bench 'webhook_bench.references:minimal_app("greeting.json")'

The bare app answers each request with the bytes the IVR gave it (looked up by path, query and
CallSid), so only the framework's own cost is left. The minimal app is written the way Twilio's
tutorial IVR is: a route that builds its greeting with `VoiceResponse` and checks no signature.
"""

from __future__ import annotations

import json
from pathlib import Path

from flask import Flask, Response, request
from twilio.twiml.voice_response import VoiceResponse


def answer_key(full_path: str, call_sid: str) -> str:
    """How the bare app finds the IVR's answer to a request."""
    return f"{full_path.rstrip('?')} {call_sid}"


def bare_app(answers_file: str) -> Flask:
    """A Flask app returning, for each request, the bytes the IVR returned for it."""
    answers = {key: body.encode() for key, body in json.loads(Path(answers_file).read_text()).items()}
    app = Flask("bare")

    @app.post("/voice")
    @app.post("/voice/<path:_rest>")
    def answer(_rest: str = ""):
        """The recorded answer, as it was."""
        body = answers[answer_key(request.full_path, request.form["CallSid"])]
        return Response(body, mimetype="application/xml")

    return app


def minimal_app(greeting_file: str) -> Flask:
    """A tutorial-style IVR: the welcome's Gather and Says, built with VoiceResponse per request."""
    greeting = json.loads(Path(greeting_file).read_text())
    app = Flask("minimal")

    @app.post("/voice")
    def welcome():
        """The greeting, built anew."""
        response = VoiceResponse()
        with response.gather(**greeting["gather"]) as gather:
            for say in greeting["says"]:
                gather.say(say["text"], voice=say["voice"], language=say["language"])
        response.redirect(greeting["gather"]["action"], method="POST")
        return Response(str(response), mimetype="application/xml")

    return app
