"""Shell: the operations page at /ops, behind sign-in; imports the web shell's parts, the store and the linter.

Separate from the webhooks: its session cookie is scoped to /ops (no webhook ever receives it),
and a Twilio signature opens nothing here.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect

from ivr.config import is_true
from ivr.ops import auth, pages, testcall
from ivr.ops.views import make_blueprint
from ivr.runtime import kept_secret

csrf = CSRFProtect()
OPS = "/ops"


class OpsOnlySessions(SecureCookieSessionInterface):
    """The session cookie belongs to /ops: any other request (every webhook) opens none, and pays nothing for it."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        """The signed cookie's session on /ops; elsewhere a null one, which nothing may write."""
        if request.path != OPS and not request.path.startswith(OPS + "/"):
            return self.make_null_session(app)
        return super().open_session(app, request)


def init_app(app: Flask) -> None:
    """Sessions that expire, CSRF on every form, and the pages."""
    config = app.config
    app.secret_key = config["SECRET_KEY"] or kept_secret(app.instance_path, "secret-key")
    config.update(
        SESSION_COOKIE_PATH=OPS, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=is_true(config["OPS_SECURE_COOKIE"]), SESSION_COOKIE_NAME="ivr_ops",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=int(config["OPS_SESSION_MINUTES"])),
        WTF_CSRF_CHECK_DEFAULT=False,  # checked on /ops only: webhooks are Twilio's forms, signed instead
    )
    app.session_interface = OpsOnlySessions()
    csrf.init_app(app)
    bp = make_blueprint()
    auth.register(bp, csrf)
    pages.register(bp)
    testcall.register(bp)
    app.register_blueprint(bp)
