"""The IVR's parts for one app: flows, engine, store, clock and targets, built once at start-up."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path

from flask import Flask, current_app, url_for

from ivr.actions.registry import CONTRACTS, HINTS, KNOWN, build_actions
from ivr.actions.services import CallbackPolicy, Services
from ivr.config import is_true, transfer_targets
from ivr.domain.callback_slots import CallbackWindow
from ivr.domain.clock import Clock, make_clock
from ivr.domain.hours import LiveHours
from ivr.domain.lookups import LookupLimits
from ivr.domain.routing import Target, parse_targets
from ivr.flows.engine import Engine
from ivr.flows.flowset import load_flowset
from ivr.flows.model import FlowSet
from ivr.store.db import Store, database_url, open_store
from ivr.store.demo import seed_demo_data
from ivr.store.records import StoreRecords
from ivr.twiml import TwimlWriter

EXTENSION = "ivr"


@dataclass
class Runtime:
    """Everything a webhook or command needs, shared by every request of the app."""

    services: Services
    store: Store
    flowset: FlowSet
    engine: Engine
    targets: dict[str, Target]
    writer: TwimlWriter
    auth_token: str

    @property
    def clock(self) -> Clock:
        """The app's clock."""
        return self.services.clock

    @property
    def hours(self) -> LiveHours:
        """The contact center's live hours."""
        return self.services.hours


def development_token(instance_path: str) -> str:
    """A random auth token kept in the instance folder, for a line with no TWILIO_AUTH_TOKEN."""
    path = Path(instance_path) / "dev-auth-token"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:  # first process wins; the others read its token
        handle.write(secrets.token_hex(16))
    return path.read_text().strip()


def lookup_limits(config) -> LookupLimits:
    """The look-up limits the configuration sets."""
    return LookupLimits(
        per_call=int(config["LOOKUPS_PER_CALL"]),
        per_caller=int(config["LOOKUPS_PER_CALLER"]),
        window=timedelta(minutes=int(config["LOOKUP_WINDOW_MINUTES"])),
    )


def callback_policy(config) -> CallbackPolicy:
    """The callback window ("09:00-18:00" local), slots, capacity, retry delay and lease."""
    opens, _, closes = config["CALLBACK_WINDOW"].partition("-")
    window = CallbackWindow(opens=time.fromisoformat(opens.strip()), closes=time.fromisoformat(closes.strip()),
                            slot_minutes=int(config["CALLBACK_SLOT_MINUTES"]))
    return CallbackPolicy(
        window=window,
        capacity=int(config["CALLBACK_SLOT_CAPACITY"]),
        retry_after=timedelta(minutes=int(config["CALLBACK_RETRY_MINUTES"])),
        lease=timedelta(seconds=int(config["CALLBACK_LEASE_SECONDS"])),
    )


def wants_demo_data(config) -> bool:
    """Whether to load demo cases: by default only into the embedded SQLite file."""
    setting = str(config["DEMO_DATA"]).strip().lower()
    return not config["DATABASE_URL"] if setting == "auto" else is_true(setting)


def build_runtime(app: Flask) -> Runtime:
    """Build the parts from the app's configuration; a bad flow or target stops start-up."""
    config = app.config
    store = open_store(database_url(config["DATABASE_URL"], app.instance_path))
    if wants_demo_data(config):
        seed_demo_data(store)
    services = Services(records=StoreRecords(store), clock=make_clock(config["FAKE_NOW"]), limits=lookup_limits(config),
                        callbacks=callback_policy(config))
    actions = build_actions(services)
    flowset = load_flowset(Path(config["FLOWS_DIR"]), KNOWN)
    targets = parse_targets(transfer_targets(config))
    return Runtime(
        services=services,
        store=store,
        flowset=flowset,
        engine=Engine(flowset, actions, CONTRACTS),
        targets=targets,
        writer=TwimlWriter(flowset, targets, url_for, hints=lambda name, lang: HINTS[name](lang)),
        auth_token=config["TWILIO_AUTH_TOKEN"] or development_token(app.instance_path),
    )


def init_app(app: Flask) -> None:
    """Attach the runtime to the app."""
    app.extensions[EXTENSION] = build_runtime(app)


def runtime() -> Runtime:
    """The current app's runtime."""
    return current_app.extensions[EXTENSION]
