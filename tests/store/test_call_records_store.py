"""Call records, the line's counts and operator accounts on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from ivr.flows.state import CallState
from ivr.store.call_records import calls_of, find_call, list_calls, purge_calls
from ivr.store.calls import record_status, save_state
from ivr.store.line_metrics import count_line
from ivr.store.operators import SignInPolicy, save_operator, sign_in

NOW = datetime(2026, 11, 30, 15, tzinfo=UTC)


def a_call(store, lang: str, entries: list[dict], now: datetime = NOW) -> str:
    """A call of one turn, then its final status; its CallSid."""
    sid = "CA" + uuid.uuid4().hex
    state = CallState(call_sid=sid, caller="+13105550143", lang=lang)
    save_state(store, sid, state, now, [{"at": now.isoformat(), **e} for e in entries])
    record_status(store, sid, "completed", now + timedelta(seconds=95), {"case_status.look_up": "look_up_case"})
    return sid


def calls_by(counts, lang: str, outcome: str) -> int:
    """Calls of one language and outcome in the line's counts."""
    return sum(n for _, la, out, n in counts.calls if (la, out) == (lang, outcome))


def test_a_call_is_recorded_settled_and_counted(store):
    before = count_line(store)
    served = a_call(store, "es", [{"node": "case_status.look_up", "event": "found"}])
    a_call(store, "en", [{"transfer": "tier2"}, {"agent": "bridged", "waited": 40}])
    a_call(store, "en", [{"node": "case_status.look_up", "event": "limited"}, {"fault": "OperationalError"}])
    record = find_call(store, served)
    assert (record.outcome, record.seconds, record.caller) == ("self_served", 95, "*********43")
    after = count_line(store)
    assert calls_by(after, "es", "self_served") == calls_by(before, "es", "self_served") + 1
    assert calls_by(after, "en", "transferred") == calls_by(before, "en", "transferred") + 1
    assert after.agent_count == before.agent_count + 1 and after.agent_sum == before.agent_sum + 40
    assert after.refused_lookups == before.refused_lookups + 1
    assert dict(after.faults)["OperationalError"] == dict(before.faults).get("OperationalError", 0) + 1
    assert served in {c.call_sid for c in list_calls(store, since=NOW, outcome="self_served")}
    assert len(calls_of(store, NOW, NOW + timedelta(seconds=1))) >= 3


def test_old_records_are_purged(store):
    old = a_call(store, "en", [{"node": "main.main_menu"}], now=NOW - timedelta(days=100))
    kept = a_call(store, "en", [{"node": "main.main_menu"}])
    assert purge_calls(store, NOW, 90) >= 1
    assert find_call(store, old) is None and find_call(store, kept) is not None


def test_an_operator_is_locked_after_repeated_failures(store):
    name = "op-" + uuid.uuid4().hex[:8]
    save_operator(store, name, "viewer", "a long enough passphrase", NOW, "admin")
    policy = SignInPolicy(attempts=2, lock=timedelta(minutes=15))
    assert sign_in(store, name, "wrong", NOW, policy) == "wrong"
    assert sign_in(store, name, "wrong", NOW, policy) == "locked"
    assert sign_in(store, name, "a long enough passphrase", NOW, policy) == "locked"
    assert sign_in(store, name, "a long enough passphrase", NOW + timedelta(minutes=16), policy).role == "viewer"
