"""In-process, as a served line is loaded: an app per clock, each call's other conditions signed on its first webhook.

`harness load` without --url plays its calls into an app built with a test-conditions secret (one
per clock the scenarios set), as the served suite plays them into a line started with one: each
call's faults, settings and records hold for that call alone, and its records go into the shared
store under numbers no other call uses (and are removed when it ends). No app is built, and no
database is copied, per call. A scenario whose conditions a line cannot take per call (a setting that holds
for the whole line, a fault only injected in-process) is played as `harness run` plays it, on an
app of its own.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from flask import Flask

from ivr.domain.texting import TextLinks
from ivr.flows.model import FlowSet
from ivr.harness.fresh_data import FreshIds, with_fresh_identifiers
from ivr.harness.local import BASE_URL, TOKEN, LocalBackend
from ivr.harness.recording import RecordingTransport
from ivr.harness.remote import callback_entry, conditions_of, with_callback_to_answer
from ivr.harness.runner import scenario_call
from ivr.harness.scenario import Conditions, Scenario
from ivr.harness.simulator import SimulatedCall
from ivr.harness.texts import TextLog
from ivr.harness.transport import WsgiTransport
from ivr.runtime import FAULTS, PER_CALL_SETTINGS
from ivr.test_conditions import TestConditions, sign

LINE_ENV = "harness"  # the line's IVR_ENV: a test line (a production one refuses the secret)
# A load's calls are copies of a few scenarios on one line: each books the slots a fresh line offers, and
# looks cases up from the scenarios' few caller numbers. The line has room for every call, so no call hears
# another's booking or runs out of look-ups; a scenario that tests those limits sets its own, for its call alone.
ROOM_FOR_EVERY_CALL = {"CALLBACK_SLOT_CAPACITY": "1000000000", "LOOKUPS_PER_CALLER": "1000000000",
                       "LOOKUPS_WITHHELD": "1000000000"}


def per_call(scenario: Scenario) -> bool:
    """Whether a line can take the scenario's conditions for its call alone (as a served line would)."""
    conditions = scenario.conditions
    return (all(name in PER_CALL_SETTINGS for name, _ in conditions.settings)
            and all(fault in FAULTS for fault in conditions.faults))


class LineBackend:
    """One app on the local backend's shared database, honouring signed test conditions."""

    mode = "in-process"

    def __init__(self, local: LocalBackend):
        self.local = local
        self.secret = secrets.token_hex(16)
        self.fresh = FreshIds()
        self._lines: dict[str, Flask] = {}

    def line(self, now: str | None) -> Flask:
        """The app whose clock reads `now` (or the default instant), built on first use: a call at that instant
        needs no conditions but its records, faults and settings."""
        now = now or self.local.default_now
        if now not in self._lines:
            self._lines[now] = self.local.app_for_line(now, {"TEST_CONDITIONS_SECRET": self.secret, "ENV": LINE_ENV,
                                                             **ROOM_FOR_EVERY_CALL})
        return self._lines[now]

    @property
    def texts(self) -> TextLog:
        """The texts the apps sent."""
        return self.local.texts

    @property
    def links(self) -> TextLinks:
        """The apps' pages and the message that carries one."""
        return self.local.links

    @property
    def flowset(self) -> FlowSet:
        """The flows the apps run."""
        return self.local.flowset

    def skip_reason(self, scenario: Scenario) -> str | None:
        """In-process every condition can be set: nothing is skipped."""
        return None

    def prepare(self, scenario: Scenario) -> Scenario:
        """A call for the line: its records (and the callback it answers) under numbers new to the line."""
        if not per_call(scenario):
            return self.local.prepare(scenario)
        if scenario.answers_callback:
            scenario = with_callback_to_answer(scenario)
        return with_fresh_identifiers(scenario, self.fresh)

    def warm(self, scenarios: list[Scenario]) -> None:
        """Build, now, each app the scenarios will be played on (all but those with records of an app's own)."""
        self.local.app_for(Conditions())
        for scenario in scenarios:
            if per_call(scenario):
                self.line(scenario.conditions.now)
            elif not scenario.data:
                self.local.app_for(scenario.conditions)

    def open_call(self, scenario: Scenario) -> tuple[SimulatedCall, RecordingTransport]:
        """A new call into the line, its conditions signed on its first webhook."""
        if not per_call(scenario):
            return self.local.open_call(scenario)
        transport = RecordingTransport(WsgiTransport(self.line(scenario.conditions.now)), self.local.node_log)
        call = scenario_call(scenario, transport, BASE_URL, TOKEN)
        if scenario.answers_callback:
            call.entry_path = callback_entry(scenario)
        # The agents' answer is reported by the simulated Twilio, as `harness run` does; the clock is the line's.
        conditions = replace(conditions_of(scenario), now=None, agent=None)
        if conditions != TestConditions():
            call.start_headers = sign(conditions, call.call_sid, self.secret)
        return call, transport

    def tier_of(self, kind: str, target: str) -> str | None:
        """The tier a transfer reached, from the apps' configured targets."""
        return self.local.tier_of(kind, target)

    def in_worker(self) -> Callable[[], LineBackend]:
        """How a load's worker process builds a backend like this one: the same apps, on the same database."""
        local = self.local
        return functools.partial(worker_backend, str(local.workdir), local.flows_dir, local.default_now, self.secret)


def worker_backend(workdir: str, flows_dir: str | None, default_now: str, secret: str) -> LineBackend:
    """In a load's worker process: a backend whose apps share the load's database and secret."""
    import ivr  # looked up now, as the harness's backends do: `ivr` imports the harness while it starts

    backend = LineBackend(LocalBackend(ivr.create_app, Path(workdir), flows_dir, default_now))
    backend.secret = secret
    return backend
