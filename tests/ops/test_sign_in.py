"""Signing in to /ops: hashed passwords, CSRF, lockout, expiring sessions, SSO header, and no mixing with webhooks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from twilio.request_validator import RequestValidator

from ivr.runtime import runtime
from ivr.store.tables import OperatorAccount
from tests.conftest import AUTH_TOKEN
from tests.ops.conftest import PASSWORD, add_operator, csrf_of, sign_in

PAGES = ["/ops/", "/ops/callbacks", "/ops/requests", "/ops/calls", "/ops/test-call"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_needs_a_signed_in_operator(client, page):
    response = client.get(page)
    assert response.status_code == 302 and response.headers["Location"].startswith("/ops/sign-in")


def test_a_signed_in_operator_sees_every_page(viewer):
    for page in PAGES:
        assert viewer.get(page).status_code == 200, page
    assert "vera (viewer)" in viewer.get("/ops/").get_data(as_text=True)


def test_passwords_are_stored_hashed(accounts):
    with accounts.app_context(), runtime().store.session() as session:
        stored = session.get(OperatorAccount, "vera").password_hash
    assert PASSWORD not in stored and stored.startswith("scrypt:")


def test_a_short_password_is_refused(app):
    result = app.test_cli_runner().invoke(args=["operators", "add", "x", "--role", "viewer", "--password-stdin"],
                                          input="short\n")
    assert result.exit_code == 2 and "at least 12 characters" in result.output


def test_a_wrong_password_is_refused_without_saying_which_part(accounts):
    client = accounts.test_client()
    for name, password in (("vera", "not her password"), ("nobody", PASSWORD)):
        response = sign_in(client, name, password)
        assert response.status_code == 401 and "do not match an operator" in response.get_data(as_text=True)
    assert client.get("/ops/").status_code == 302


def test_a_form_without_its_csrf_token_is_refused(accounts):
    client = accounts.test_client()
    response = client.post("/ops/sign-in", data={"name": "vera", "password": PASSWORD})
    assert response.status_code == 400 and client.get("/ops/").status_code == 302


def test_repeated_failures_lock_the_account_even_against_the_right_password(make_app):
    app = make_app(OPS_LOCK_ATTEMPTS="3")
    add_operator(app, "vera", "viewer")
    client = app.test_client()
    for _ in range(3):
        sign_in(client, "vera", "guess guess guess")
    response = sign_in(client, "vera")
    assert response.status_code == 401 and "locked" in response.get_data(as_text=True)
    later = make_app(OPS_LOCK_ATTEMPTS="3", FAKE_NOW="2026-11-30T15:16:00+00:00")  # the lock lasts 15 minutes
    assert sign_in(later.test_client(), "vera").status_code == 302


def test_a_session_expires(make_app, accounts):
    client = accounts.test_client()
    sign_in(client, "vera")
    client.application.permanent_session_lifetime = timedelta(seconds=-1)  # as if its time were up
    assert client.get("/ops/").status_code == 302


def test_signing_out_ends_the_session(viewer):
    token = csrf_of(viewer.get("/ops/").get_data(as_text=True))
    viewer.post("/ops/sign-out", data={"csrf_token": token})
    assert viewer.get("/ops/").status_code == 302


def test_the_session_cookie_is_for_ops_only_and_not_readable_by_scripts(accounts):
    response = sign_in(accounts.test_client(), "vera")
    cookie = response.headers["Set-Cookie"]
    assert "Path=/ops" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_a_twilio_signature_opens_nothing_in_ops(client):
    url, params = "http://localhost/ops/requests/SR20260001/answer", {"CallSid": "CA1"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, params)
    response = client.post("/ops/requests/SR20260001/answer", data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code in (302, 400)
    assert client.get("/ops/", headers={"X-Twilio-Signature": signature}).status_code == 302


def test_an_operator_session_opens_no_webhook(supervisor):
    assert supervisor.post("/voice", data={"CallSid": "CA1", "From": "+12025550143"}).status_code == 403


def test_a_configured_sso_header_signs_in_a_known_operator_only(make_app):
    app = make_app(OPS_SSO_HEADER="X-Remote-User")
    add_operator(app, "vera", "viewer")
    client = app.test_client()
    assert client.get("/ops/", headers={"X-Remote-User": "vera"}).status_code == 200
    assert client.get("/ops/", headers={"X-Remote-User": "mallory"}).status_code == 302


def test_without_sso_configured_the_header_is_ignored(accounts):
    assert accounts.test_client().get("/ops/", headers={"X-Remote-User": "vera"}).status_code == 302
