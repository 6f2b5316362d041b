"""The IVR's parts for one app: flows, engine, store, clock and targets, built once at start-up."""

from __future__ import annotations

import os
import re
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import time, timedelta
from pathlib import Path

from flask import Flask, current_app, g, has_request_context, request, url_for

from ivr.actions.registry import CONTRACTS, HINTS, KNOWN, build_actions
from ivr.actions.services import CallbackPolicy, Services, Texting
from ivr.config import is_true, transfer_settings, transfer_targets
from ivr.domain.callback_slots import CallbackWindow
from ivr.domain.clock import Clock, make_clock
from ivr.domain.hours import LiveHours
from ivr.domain.lookups import LookupLimits
from ivr.domain.routing import Target, parse_targets
from ivr.domain.texting import TextLinks, parse_links
from ivr.flows.engine import Engine
from ivr.flows.flowset import load_flowset
from ivr.flows.model import FlowSet
from ivr.store.db import Store, database_url, make_engine
from ivr.store.demo import seed_demo_data
from ivr.store.faults import unreachable_store
from ivr.store.records import StoreRecords
from ivr.telephony import TwilioTexts, make_client
from ivr.test_conditions import TestConditions
from ivr.twiml import TwimlWriter

EXTENSION = "ivr"
# The settings a call's test conditions may change: those the actions' services are built from.
# The transfer targets too: a scenario reaches an agent on a SIP address or a phone number.
PER_CALL_SETTINGS = frozenset({"LOOKUPS_PER_CALL", "LOOKUPS_PER_CALLER", "LOOKUP_WINDOW_MINUTES", "CALLBACK_WINDOW",
                               "CALLBACK_SLOT_MINUTES", "CALLBACK_SLOT_CAPACITY", "CALLBACK_RETRY_MINUTES",
                               "CALLBACK_LEASE_SECONDS"}) | transfer_settings()
FAULTS = ("database_down", "twilio_down")
# Where a call under the `twilio_down` fault sends its texts: a closed port, refused at once.
UNREACHABLE_API = "http://127.0.0.1:9"


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
    config: Mapping = field(default_factory=dict)
    _variants: dict = field(default_factory=dict, repr=False)

    @property
    def clock(self) -> Clock:
        """The app's clock."""
        return self.services.clock

    @property
    def hours(self) -> LiveHours:
        """The contact center's live hours."""
        return self.services.hours

    def under(self, conditions: TestConditions | None) -> Runtime:
        """The parts one call's test conditions call for (its clock, settings, faults); built once each."""
        if conditions is None or conditions.line_key == TestConditions().line_key:
            return self
        key = conditions.line_key
        if key not in self._variants:
            self._variants[key] = self._variant(conditions)
        return self._variants[key]

    def _variant(self, conditions: TestConditions) -> Runtime:
        """A copy of these parts with another clock, settings or an unreachable store."""
        settings = {k: v for k, v in conditions.settings if k in PER_CALL_SETTINGS}
        store = unreachable_store(self.store) if "database_down" in conditions.faults else self.store
        clock = make_clock(conditions.now) if conditions.now else self.clock
        texts = self.services.texts
        if "twilio_down" in conditions.faults:
            texts = texting({**self.config, "TWILIO_API_BASE_URL": UNREACHABLE_API}, self.auth_token, texts.links)
        services = build_services({**self.config, **settings}, StoreRecords(store), clock, texts)
        engine = Engine(self.flowset, build_actions(services), CONTRACTS, self.engine.observer)
        targets, writer = self.targets, self.writer
        if transfer_settings() & set(settings):
            targets = parse_targets(transfer_targets({**self.config, **settings}))
            writer = writer.with_targets(targets)
        return replace(self, services=services, store=store, engine=engine, targets=targets, writer=writer,
                       _variants={})


def development_token(instance_path: str) -> str:
    """A random auth token kept in the instance folder, for a line with no TWILIO_AUTH_TOKEN."""
    return kept_secret(instance_path, "dev-auth-token")


def kept_secret(instance_path: str, name: str) -> str:
    """A random secret kept in a file of the instance folder (made once, shared by every process)."""
    path = Path(instance_path) / name
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:  # first process wins; the others read its token
        handle.write(secrets.token_hex(16))
    return path.read_text().strip()


ANSWER_URLS = ("voice.gather", "voice.transfer_result")  # the URLs that answer one of the line's prompts


ANSWER_URLS_KEPT = 4096  # answer URLs kept per app (memory stays flat)


def webhook_url(endpoint: str, **values) -> str:
    """url_for, with the call's turn (g.turn) on the URLs that answer a prompt, so a delivery Twilio
    repeats is known for what it is."""
    if endpoint not in ANSWER_URLS or not has_request_context():
        return url_for(endpoint, **values)
    if "turn" in g:
        values["turn"] = g.turn
    # Every call at a prompt, in a language and at a turn, answers to the same URL: each is built once per
    # app and URL prefix (url_for costs a tenth of rendering an answer). The state in such a URL holds
    # nothing private: a call whose state does is kept in the store, its URLs carry none.
    kept = current_app.extensions.setdefault("ivr.answer_urls", {})
    key = (request.script_root, endpoint, *sorted(values.items()))
    url = kept.get(key)
    if url is None:
        url = url_for(endpoint, **values)
        if len(kept) >= ANSWER_URLS_KEPT:
            kept.clear()  # rare: the line has only so many prompts
        kept[key] = url
    return url


def lookup_limits(config) -> LookupLimits:
    """The look-up limits the configuration sets."""
    return LookupLimits(
        per_call=int(config["LOOKUPS_PER_CALL"]),
        per_caller=int(config["LOOKUPS_PER_CALLER"]),
        window=timedelta(minutes=int(config["LOOKUP_WINDOW_MINUTES"])),
        withheld=int(config["LOOKUPS_WITHHELD"]),
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


def build_services(config: Mapping, records: StoreRecords, clock: Clock, texts: Texting | None = None) -> Services:
    """The actions' outside world, as the configuration sets it."""
    return Services(records=records, clock=clock, limits=lookup_limits(config), callbacks=callback_policy(config),
                    texts=texts or Texting())


LINKS_FILE = "links.toml"  # in the flows directory: the answers' web pages and the text that carries one
TEXT_SENDER = re.compile(r"\+[1-9]\d{6,14}|MG[0-9a-f]{32}")  # IVR_TEXT_FROM: a number or a messaging service
TEXT_TIMEOUT_SECONDS = 3.0  # a text is sent inside a webhook: Twilio must answer well within its budget


def text_links(flows_dir: str) -> TextLinks:
    """The web pages of the flows directory's links file (none without one); a bad file stops start-up."""
    path = Path(flows_dir) / LINKS_FILE
    if not path.exists():
        return TextLinks()
    with path.open("rb") as handle:
        return parse_links(tomllib.load(handle))


def sms_status_url() -> str:
    """The URL Twilio reports a text's status to: PUBLIC_BASE_URL's when set, else this request's host's."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    if base or not has_request_context():
        return f"{base}/sms/status" if base else ""
    return request.host_url.rstrip("/") + "/sms/status"


def texting(config: Mapping, auth_token: str, links: TextLinks | None = None) -> Texting:
    """Texts through the Twilio REST client from IVR_TEXT_FROM, off without it; `links` when already read."""
    links = text_links(config["FLOWS_DIR"]) if links is None else links
    if not config["TEXT_FROM"]:
        return Texting(links=links)
    if not TEXT_SENDER.fullmatch(config["TEXT_FROM"]):
        raise ValueError(f"IVR_TEXT_FROM={config['TEXT_FROM']!r}: a number in E.164 (+18003755283) or a "
                         "messaging service SID (MG and 32 hex digits)")
    client = make_client(config["TWILIO_ACCOUNT_SID"], auth_token, config["TWILIO_API_BASE_URL"],
                         timeout=TEXT_TIMEOUT_SECONDS)
    return Texting(links=links, sender=TwilioTexts(client, config["TEXT_FROM"], sms_status_url),
                   lookup_line_type=is_true(config["LOOKUP_LINE_TYPE"]))


def build_runtime(app: Flask) -> Runtime:
    """Build the parts from the app's configuration; a bad flow or target stops start-up."""
    config = app.config
    store = Store(make_engine(database_url(config["DATABASE_URL"], app.instance_path)),
                  on_ready=seed_demo_data if wants_demo_data(config) else None)
    try:
        store.migrate()
    except Exception:  # an outage must not stop the instance: it migrates when the database answers
        app.logger.exception("the database is unreachable at start-up; webhooks apologise until it answers")
    auth_token = config["TWILIO_AUTH_TOKEN"] or development_token(app.instance_path)
    services = build_services(config, StoreRecords(store), make_clock(config["FAKE_NOW"]), texting(config, auth_token))
    actions = build_actions(services)
    flowset = load_flowset(Path(config["FLOWS_DIR"]), KNOWN)
    targets = parse_targets(transfer_targets(config))
    return Runtime(
        services=services,
        store=store,
        flowset=flowset,
        engine=Engine(flowset, actions, CONTRACTS),
        targets=targets,
        writer=TwimlWriter(flowset, targets, webhook_url, hints=lambda name, lang: HINTS[name](lang),
                           secret=auth_token),
        auth_token=auth_token,
        config=dict(config),
    )


def init_app(app: Flask) -> None:
    """Attach the runtime to the app."""
    app.extensions[EXTENSION] = build_runtime(app)


def runtime() -> Runtime:
    """The current app's runtime."""
    return current_app.extensions[EXTENSION]
