"""Where harness commands send their calls: an in-process backend on a temporary database, or a URL."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask import current_app

import ivr
from ivr.actions.registry import KNOWN
from ivr.config import transfer_targets
from ivr.domain.routing import parse_targets
from ivr.flows.flowset import load_flowset
from ivr.flows.model import FlowSet
from ivr.harness.local import LocalBackend
from ivr.harness.remote import RemoteBackend
from ivr.harness.texts import TextLog
from ivr.runtime import runtime, text_links
from ivr.telephony import make_client

TWILIO_API = click.option(
    "--twilio-api", help="The REST API the served IVR sends its texts through (its TWILIO_API_BASE_URL: a "
                         "`flask harness rest-standin`, or https://api.twilio.com): scenarios check the texts there.")
ACCOUNT_SID = click.option("--account-sid", envvar="TWILIO_ACCOUNT_SID", show_envvar=True,
                           help="With --twilio-api: the served IVR's TWILIO_ACCOUNT_SID (default: this checkout's).")
CONDITIONS_SECRET = click.option(
    "--conditions-secret", envvar="IVR_TEST_CONDITIONS_SECRET", show_envvar=True,
    help="The served IVR's IVR_TEST_CONDITIONS_SECRET: each call's clock, agents, faults, settings and records "
         "are sent, signed.")


def served_texts(twilio_api: str | None, account_sid: str | None, auth_token: str) -> TextLog | None:
    """The served IVR's texts, listed through the REST API it sends them through; None without one."""
    if not twilio_api:
        return None
    return TextLog(make_client(account_sid or current_app.config["TWILIO_ACCOUNT_SID"], auth_token, twilio_api))


@contextmanager
def backend_for(url: str | None, auth_token: str | None, server_now: str | None,
                flows: str | None, conditions_secret: str | None = None, twilio_api: str | None = None,
                account_sid: str | None = None) -> Iterator[LocalBackend | RemoteBackend]:
    """An in-process backend on a temporary database, or one for the served IVR at `url`."""
    if url:
        targets = parse_targets(transfer_targets(current_app.config))
        token = auth_token or runtime().auth_token
        remote = RemoteBackend(url, token, targets, server_now, conditions_secret=conditions_secret,
                               texts=served_texts(twilio_api, account_sid, token),
                               links=text_links(flows or current_app.config["FLOWS_DIR"]))
        try:
            yield remote
        finally:
            remote.close()
        return
    quiet = logging.getLogger(current_app.name)  # the apps under test log each call: keep the report readable
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="ivr-harness-") as workdir:
        # ivr.create_app is looked up now, not at import: `ivr` imports this module while it starts.
        local = LocalBackend(ivr.create_app, Path(workdir), flows or current_app.config["FLOWS_DIR"])
        try:
            yield local
        finally:
            local.close()
            quiet.setLevel(level)


def flows_of(backend: LocalBackend | RemoteBackend, flows: str | None) -> FlowSet:
    """The flows coverage is measured against: the apps' own in-process, this checkout's over --url."""
    if isinstance(backend, LocalBackend):
        return backend.flowset
    directory = Path(flows or current_app.config["FLOWS_DIR"])
    return load_flowset(directory, KNOWN)
