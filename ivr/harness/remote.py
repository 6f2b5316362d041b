"""Run scenarios against a served IVR over real HTTP, with real signatures."""

from __future__ import annotations

import ipaddress
import threading
from dataclasses import replace
from urllib.parse import urlsplit

import requests

from ivr.domain.clock import parse_instant
from ivr.domain.routing import Target
from ivr.domain.texting import TextLinks
from ivr.harness.fresh_data import FreshIds, with_fresh_identifiers
from ivr.harness.recording import RecordingTransport
from ivr.harness.runner import scenario_call, tier_of
from ivr.harness.scenario import DEFAULT_NOW, Scenario
from ivr.harness.simulator import SimulatedCall
from ivr.harness.texts import TEXT_STEPS, TextLog
from ivr.harness.transport import HttpTransport
from ivr.runtime import PER_CALL_SETTINGS
from ivr.test_conditions import TestConditions, sign


def is_local_url(url: str) -> bool:
    """Whether a URL's host is this machine: localhost, 127.0.0.0/8 or ::1 (names are not resolved)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def conditions_of(scenario: Scenario) -> TestConditions:
    """What a scenario's call asks the served line for; without `now:`, live hours, as in-process."""
    c = scenario.conditions
    return TestConditions(now=c.now or DEFAULT_NOW, agent=c.agent, faults=c.faults, settings=c.settings,
                          data=scenario.data)


def with_callback_to_answer(scenario: Scenario) -> Scenario:
    """A scenario that answers the IVR's callback, with that callback among its records (due now)."""
    callback = {"id": 0, "phone": scenario.caller or "+12025550100", "lang": scenario.language,
                "tier": scenario.answers_callback, "purpose": "agent",
                "scheduled_for": scenario.conditions.now or DEFAULT_NOW}
    data = {**scenario.data, "callbacks": [*scenario.data.get("callbacks", []), callback]}
    return replace(scenario, data=data)


def callback_entry(scenario: Scenario) -> str:
    """Where a call answering the scenario's callback starts: the URL the line gives Twilio for it."""
    return f"/voice/callback?id={scenario.data['callbacks'][-1]['id']}&lang={scenario.language}"


class RemoteBackend:
    """Calls a served IVR; conditions it cannot set there skip the scenario, saying why.

    With the line's test-conditions secret every condition is sent, signed, on each call's first
    webhook; without it only the agents' answer (ours to report, as Twilio) can be set.
    """

    mode = "url"

    def __init__(self, base_url: str, auth_token: str, targets: dict[str, Target],
                 server_now: str | None = None, timeout: float = 15.0, conditions_secret: str | None = None,
                 texts: TextLog | None = None, links: TextLinks | None = None):
        self.base_url, self.auth_token, self.targets = base_url.rstrip("/"), auth_token, targets
        self.texts, self.links = texts, links or TextLinks()
        self.server_now = parse_instant(server_now) if server_now else None
        self.conditions_secret = conditions_secret
        self.fresh = FreshIds()
        self.timeout = timeout
        self._local = threading.local()  # one requests session per thread: sessions are not thread-safe
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()

    def skip_reason(self, scenario: Scenario) -> str | None:
        """Why a scenario cannot run against the server, or None."""
        conditions = scenario.conditions
        if self.texts is None and any(step.kind in TEXT_STEPS for step in scenario.steps):
            return ("checking the texts the line sent needs the REST API it sends them through: pass --twilio-api "
                    "(a `flask harness rest-standin` the line's TWILIO_API_BASE_URL names, or Twilio's own)")
        if self.conditions_secret:
            return self._signed_skip_reason(scenario)
        if scenario.data:
            return ("records (data:) can only be given to a served IVR started with IVR_TEST_CONDITIONS_SECRET "
                    "(pass --conditions-secret), or in-process (run without --url)")
        if scenario.answers_callback:
            return "answering a callback needs one booked in the server's store: in-process only (run without --url)"
        if conditions.faults:
            return (f"faults {list(conditions.faults)} can only be injected in-process "
                    "(run without --url)")
        if conditions.settings:
            names = ", ".join(name for name, _ in conditions.settings)
            return f"settings ({names}) can only be changed in-process (run without --url)"
        if conditions.now and (self.server_now is None or parse_instant(conditions.now) != self.server_now):
            return (f"now: {conditions.now} cannot be set on a served app; serve it with "
                    f"IVR_FAKE_NOW={conditions.now} and pass --server-now {conditions.now}, or run without --url "
                    "(or serve it with IVR_TEST_CONDITIONS_SECRET and pass --conditions-secret)")
        return None

    def _signed_skip_reason(self, scenario: Scenario) -> str | None:
        """With the secret, only settings a call cannot change on its own skip a scenario."""
        fixed = [name for name, _ in scenario.conditions.settings if name not in PER_CALL_SETTINGS]
        if fixed:
            return (f"settings ({', '.join(fixed)}) hold for the whole line, not one call: in-process only "
                    f"(a call may change {', '.join(sorted(PER_CALL_SETTINGS))})")
        return None

    def prepare(self, scenario: Scenario) -> Scenario:
        """With the secret: the scenario's records (and the callback it answers) under numbers new to the line."""
        if not self.conditions_secret:
            return scenario
        if scenario.answers_callback:
            scenario = with_callback_to_answer(scenario)
        return with_fresh_identifiers(scenario, self.fresh)

    def session(self) -> requests.Session:
        """This thread's session."""
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
            with self._lock:
                self._sessions.append(self._local.session)
        return self._local.session

    def open_call(self, scenario: Scenario) -> tuple[SimulatedCall, RecordingTransport]:
        """A new call to the served IVR (agent outcomes are ours to play, as Twilio would report them)."""
        transport = RecordingTransport(HttpTransport(self.base_url, self.timeout, self.session()))
        call = scenario_call(scenario, transport, self.base_url, self.auth_token)
        if scenario.answers_callback and self.conditions_secret:
            call.entry_path = callback_entry(scenario)
        if self.conditions_secret:
            call.start_headers = sign(conditions_of(scenario), call.call_sid, self.conditions_secret)
        return call, transport

    def tier_of(self, kind: str, target: str) -> str | None:
        """The tier a transfer reached, assuming the server's targets are this checkout's."""
        return tier_of(self.targets, kind, target)

    def close(self) -> None:
        """Close every session's connections."""
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()
