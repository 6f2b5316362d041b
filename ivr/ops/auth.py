"""Signing in to /ops: passwords (hashed, locked after repeated failures), sessions that expire, or a
trusted single sign-on header; viewers and supervisors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFProtect

from ivr.runtime import runtime
from ivr.store.operators import Operator, SignInPolicy, find_operator, sign_in

PUBLIC = ("ops.sign_in", "ops.static", "ops.plotly_js")  # what anyone may fetch: the sign-in form, scripts, styles


def policy() -> SignInPolicy:
    """The lock the configuration sets."""
    config = current_app.config
    return SignInPolicy(int(config["OPS_LOCK_ATTEMPTS"]), timedelta(minutes=int(config["OPS_LOCK_MINUTES"])))


def current_operator() -> Operator | None:
    """Who is signed in: the SSO proxy's header when one is configured, else the session's operator."""
    header = current_app.config["OPS_SSO_HEADER"]
    if header and request.headers.get(header):
        return find_operator(runtime().store, request.headers[header].strip())
    name = session.get("operator")
    return find_operator(runtime().store, name) if name else None


def supervisor_only(view: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse a viewer (403): only supervisors change things."""
    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not g.operator.supervises:
            abort(403, "Supervisors only: a viewer may look, not change.")
        return view(*args, **kwargs)
    return checked


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a page of /ops, never another site."""
    parts = urlsplit(target or "")
    return target if target and not parts.scheme and not parts.netloc and parts.path.startswith("/ops") \
        else url_for("ops.today")


def register(bp: Blueprint, csrf: CSRFProtect) -> None:
    """Every /ops request: CSRF checked on each form, an operator needed except on the sign-in page."""

    @bp.before_request
    def require_operator():
        """Check the form's CSRF token; send someone not signed in to the sign-in page."""
        if request.method == "POST":
            csrf.protect()
        g.operator = current_operator()
        if g.operator is None and request.endpoint not in PUBLIC:
            if request.accept_mimetypes.best == "application/json":
                abort(401)
            return redirect(url_for("ops.sign_in", next=request.full_path.rstrip("?")))
        return None

    @bp.route("/sign-in", methods=["GET", "POST"], endpoint="sign_in")
    def sign_in_page():
        """The sign-in form, and signing in."""
        if request.method == "GET":
            return render_template("ops/signin.html")
        rt = runtime()
        answer = sign_in(rt.store, request.form.get("name", "").strip(), request.form.get("password", ""),
                         rt.clock(), policy())
        if isinstance(answer, str):
            current_app.logger.warning("ops: refused a sign-in (%s)", answer)
            flash("This account is locked for a while after too many failed attempts." if answer == "locked"
                  else "That name and password do not match an operator.")
            return render_template("ops/signin.html"), 401
        session.clear()
        session.permanent = True  # expires after IVR_OPS_SESSION_MINUTES
        session["operator"] = answer.name
        return redirect(_safe_next(request.args.get("next")))

    @bp.post("/sign-out")
    def sign_out():
        """End the session."""
        session.clear()
        return redirect(url_for("ops.sign_in"))
