"""Fixtures for the operations page: accounts, and clients signed in as them."""

from __future__ import annotations

import re

import pytest

PASSWORD = "correct horse battery staple"


def csrf_of(page: str) -> str:
    """The CSRF token a page's form carries."""
    return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]


def add_operator(app, name: str, role: str, password: str = PASSWORD) -> None:
    """`flask operators add NAME --role ROLE --password-stdin`."""
    result = app.test_cli_runner().invoke(args=["operators", "add", name, "--role", role, "--password-stdin"],
                                          input=password + "\n")
    assert result.exit_code == 0, result.output


def sign_in(client, name: str, password: str = PASSWORD):
    """Sign in through the form; the response."""
    token = csrf_of(client.get("/ops/sign-in").get_data(as_text=True))
    return client.post("/ops/sign-in", data={"name": name, "password": password, "csrf_token": token})


@pytest.fixture
def accounts(app):
    """A viewer (vera) and a supervisor (sam)."""
    add_operator(app, "vera", "viewer")
    add_operator(app, "sam", "supervisor")
    return app


@pytest.fixture
def viewer(accounts):
    """A client signed in as the viewer."""
    client = accounts.test_client()
    assert sign_in(client, "vera").status_code == 302
    return client


@pytest.fixture
def supervisor(accounts):
    """A client signed in as the supervisor."""
    client = accounts.test_client()
    assert sign_in(client, "sam").status_code == 302
    return client
