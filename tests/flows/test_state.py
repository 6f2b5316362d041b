"""A call's state read back from the store is the state that was kept."""

from __future__ import annotations

from dataclasses import fields

from ivr.flows.state import CallState


def test_a_kept_state_reads_back_whole():
    state = CallState(call_sid="CA1", caller="+12025550143", called="+18003755283", lang="es", lang_chosen=False,
                      node="case_status.confirm", tries=2, more_time=True, vars={"receipt": "EAC2190012345"},
                      conditions={"now": "2026-11-28T23:00:00Z"}, turn=4, reply="<Response/>")
    assert CallState.from_json(state.to_json()) == state


def test_every_field_but_the_turns_entries_is_kept():
    kept = set(CallState().to_json())
    assert kept == {f.name for f in fields(CallState)} - {"entered"}


def test_the_kept_state_shares_nothing_with_the_live_one():
    state = CallState(vars={"lang": "en"}, conditions={"faults": ["database_down"]})
    kept = state.to_json()
    state.vars["lang"] = "es"
    state.conditions["faults"].append("slow_store")
    assert kept["vars"] == {"lang": "en"} and kept["conditions"] == {"faults": ["database_down"]}
