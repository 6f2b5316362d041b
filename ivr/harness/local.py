"""Run scenarios in-process against this checkout: one app per set of conditions, faults injected."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from flask import Flask
from sqlalchemy import event

from ivr.config import transfer_targets
from ivr.domain.callbacks import Booking
from ivr.domain.contact_center import CENTER_ZONE
from ivr.domain.routing import parse_targets
from ivr.domain.texting import TextLinks
from ivr.flows.model import FlowSet
from ivr.harness.recording import NodeLog, RecordingTransport
from ivr.harness.rest_standin import RestStandin
from ivr.harness.runner import scenario_call, tier_of
from ivr.harness.scenario import DEFAULT_NOW, Conditions, Scenario
from ivr.harness.simulator import SimulatedCall
from ivr.harness.texts import TextLog
from ivr.harness.transport import WsgiTransport
from ivr.imports.test_data import parse_test_data
from ivr.runtime import EXTENSION, UNREACHABLE_API
from ivr.store.call_records import CallRecord, list_calls
from ivr.store.callbacks import book
from ivr.store.faults import refuse_connections
from ivr.store.test_data import add_test_data
from ivr.telephony import make_client

TOKEN = "harness-auth-token"
ACCOUNT = "AC" + "4" * 32  # the account the apps' REST client acts for, at the harness's stand-in
TEXT_FROM = "+18003755283"  # the number the apps text from
SHARED = "harness.sqlite3"  # the database the apps share
BASE_URL = "http://localhost"
SLOW_STORE_SECONDS = 1.0  # how late a slow store gives each connection (the harness sets a shorter budget)


def copy_database(source: Path, target: Path) -> None:
    """Copy an SQLite database, write-ahead log included (SQLite's online backup)."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def make_database_unreachable(app: Flask) -> None:
    """Fault `database_down`: the app's store can no longer connect (pooled connections closed first)."""
    store = app.extensions[EXTENSION].store
    store.keep_no_connection()
    refuse_connections(store.engine)


def _slow_checkout(*_args) -> None:
    """Every connection the store hands out comes late, as from a saturated or distant server."""
    time.sleep(SLOW_STORE_SECONDS)


def make_store_slow(app: Flask) -> None:
    """Fault `slow_store`: each unit of work waits longer for its connection than the webhook budget."""
    store = app.extensions[EXTENSION].store
    store.keep_no_connection()
    event.listen(store.engine, "checkout", _slow_checkout)


def _no_injection(_app: Flask) -> None:
    """Fault `twilio_down` is set when the app is built: its REST client points at a closed port."""


FAULT_INJECTORS = {"database_down": make_database_unreachable, "slow_store": make_store_slow,
                   "twilio_down": _no_injection}


def _without_fsync(dbapi_connection, _record) -> None:
    """The harness's database is thrown away after the run: commits need not wait for the disk."""
    dbapi_connection.execute("PRAGMA synchronous=OFF")


def book_callback_to_answer(app: Flask, call: SimulatedCall, lang: str, tier: str) -> str:
    """Book a callback to this caller, for this tier and due now; the URL Twilio fetches when they answer it."""
    rt = app.extensions[EXTENSION]
    booking = Booking(booked_by_call="CAbooking" + call.call_sid[2:], receipt_number=None,
                      time_zone=CENTER_ZONE, phone=call.caller, lang=lang,
                      tier=tier, purpose="agent", scheduled_for=rt.clock())
    callback_id = book(rt.store, booking, capacity=1_000_000, now=rt.clock())
    return f"/voice/callback?id={callback_id}&lang={lang}"


class LocalBackend:
    """Builds apps with `factory` (ivr.create_app) on one shared SQLite file in `workdir`, with demo data."""

    mode = "in-process"

    def __init__(self, factory: Callable[[dict], Flask], workdir: Path, flows_dir: str | None = None,
                 default_now: str = DEFAULT_NOW):
        self.factory, self.workdir, self.flows_dir = factory, Path(workdir), flows_dir
        self.default_now = default_now
        self.apps: dict[tuple, Flask] = {}
        self.own_stores: list[Flask] = []  # apps of scenarios with records, each on its own database
        self.lines: list[Flask] = []  # apps that honour signed test conditions, on the shared database
        self.node_log = NodeLog()  # the nodes each webhook entered
        self._building = threading.RLock()  # `harness load` opens calls on many threads at once
        self._standin: RestStandin | None = None  # Twilio's REST API for the apps: texts, Lookup, calls
        self._texts: TextLog | None = None

    @property
    def standin(self) -> RestStandin:
        """The REST stand-in every app sends texts through, started on first use."""
        with self._building:
            if self._standin is None:
                self._standin = RestStandin(ACCOUNT, TOKEN).__enter__()
            return self._standin

    @property
    def texts(self) -> TextLog:
        """The texts the apps sent, as the stand-in lists them."""
        with self._building:
            if self._texts is None:
                self._texts = TextLog(make_client(ACCOUNT, TOKEN, self.standin.url))
            return self._texts

    @property
    def links(self) -> TextLinks:
        """The apps' pages and the message that carries one."""
        app = next(iter(self.apps.values()), None) or self.app_for(Conditions())
        return app.extensions[EXTENSION].services.texts.links

    def skip_reason(self, scenario: Scenario) -> str | None:
        """In-process every condition can be set: nothing is skipped."""
        return None

    def prepare(self, scenario: Scenario) -> Scenario:
        """In-process a scenario's records go into its own store, under the numbers it wrote."""
        return scenario

    def app_for(self, conditions: Conditions) -> Flask:
        """The app for a clock and a set of faults, built on first use."""
        key = self._key(conditions)
        with self._building:
            if key not in self.apps:
                self.apps[key] = self._build(*key)
                if not self.template.exists():  # the demo data as it was before any call
                    copy_database(self.workdir / SHARED, self.template)
        return self.apps[key]

    def app_for_line(self, now: str, config: dict) -> Flask:
        """A new app on the shared database at that instant, with more configuration (a test line's)."""
        self.app_for(Conditions())
        with self._building:
            app = self._build(now, (), (), config=config)
            self.lines.append(app)
        return app

    def _key(self, conditions: Conditions) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]:
        """What sets an app apart: its clock, faults and settings."""
        return conditions.now or self.default_now, tuple(sorted(conditions.faults)), conditions.settings

    @property
    def template(self) -> Path:
        """A copy of the shared database made before any call."""
        return self.workdir / "template.sqlite3"

    def app_with_records(self, scenario: Scenario) -> Flask:
        """A new app on a database of its own (the demo data as first built), holding the scenario's records."""
        self.app_for(Conditions())
        with self._building:
            # Named by process too: a load's worker processes each add their own.
            database = self.workdir / f"records-{os.getpid()}-{len(self.own_stores) + 1}.sqlite3"
            copy_database(self.template, database)
            app = self._build(*self._key(scenario.conditions), database=database, data=scenario.data)
            self.own_stores.append(app)
        return app

    def _build(self, now: str, faults: tuple[str, ...], settings: tuple[tuple[str, str], ...],
               database: Path | None = None, data: dict | None = None, config: dict | None = None) -> Flask:
        """A new app at that instant, with its engine observed, its records added and its faults injected."""
        settings_of_app = {
            "TESTING": True, "TWILIO_AUTH_TOKEN": TOKEN, "FAKE_NOW": now, "DEMO_DATA": "1",
            "DATABASE_URL": f"sqlite:///{database or self.workdir / SHARED}",
            "INSTANCE_PATH": str(self.workdir / "instance"), "PUBLIC_BASE_URL": "", "TRUST_PROXY": "0",
            "TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_API_BASE_URL": self.standin.url, "TEXT_FROM": TEXT_FROM,
            **dict(settings), **(config or {}),
        }
        if "twilio_down" in faults:
            settings_of_app["TWILIO_API_BASE_URL"] = UNREACHABLE_API
        if self.flows_dir:
            settings_of_app["FLOWS_DIR"] = str(self.flows_dir)
        app = self.factory(settings_of_app)
        rt = app.extensions[EXTENSION]
        rt.store.close_connections()  # those made while it was built open again with the listener below
        event.listen(rt.store.engine, "connect", _without_fsync)
        rt.engine.observer = self.node_log.entered
        if data:
            add_test_data(rt.store, parse_test_data(data), rt.clock())
        for fault in faults:
            FAULT_INJECTORS[fault](app)
        return app

    @property
    def flowset(self) -> FlowSet:
        """The flows the apps run (all apps load the same directory)."""
        app = next(iter(self.apps.values()), None) or self.app_for(Conditions())
        return app.extensions[EXTENSION].flowset

    def open_call(self, scenario: Scenario) -> tuple[SimulatedCall, RecordingTransport]:
        """A new call into the app for the scenario's conditions."""
        app = self.app_with_records(scenario) if scenario.data else self.app_for(scenario.conditions)
        transport = RecordingTransport(WsgiTransport(app), self.node_log)
        call = scenario_call(scenario, transport, BASE_URL, TOKEN)
        if scenario.answers_callback:
            call.entry_path = book_callback_to_answer(app, call, scenario.language, scenario.answers_callback)
        return call, transport

    def tier_of(self, kind: str, target: str) -> str | None:
        """The tier a transfer reached, from the apps' configured targets."""
        app = next(iter(self.apps.values()))
        return tier_of(parse_targets(transfer_targets(app.config)), kind, target)

    def call_records(self) -> list[CallRecord]:
        """The records of every call placed (on the shared database, and on the scenarios' own)."""
        shared = next(iter(self.apps.values()), None)
        apps = ([shared] if shared else []) + self.own_stores
        return [record for app in apps for record in list_calls(app.extensions[EXTENSION].store)]

    def close(self) -> None:
        """Close every app's database connections."""
        for app in [*self.apps.values(), *self.own_stores, *self.lines]:
            app.extensions[EXTENSION].store.dispose()
        self.apps.clear()
        self.own_stores.clear()
        self.lines.clear()
        if self._standin is not None:
            self._standin.__exit__(None, None, None)
            self._standin, self._texts = None, None
