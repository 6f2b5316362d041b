"""Agents never ask again: each transfer's TwiML carries the call's context, for each kind of target."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from tests.conftest import simulated_call

CASE_KEYS = "3222190012345#"  # EAC2190012345, the demo case
PROTECTED_KEYS = "3222190066666#"  # EAC2190066666, a U visa (I-918) case
LANG_KEY = {"en": "1", "es": "2"}
REASON = {"en": "case status > agent", "es": "case status > agent"}  # agents read one language


def _to_agent_after_status(app, lang="en", **kwargs):
    """A caller who checked the demo case, confirmed its number, then asked for an agent."""
    return simulated_call(app, **kwargs).start().press(LANG_KEY[lang]).press("1").press(CASE_KEYS).press("1").press("3")


def _transfer_verb(call) -> ET.Element:
    """The Enqueue or Dial of the call's last transfer."""
    roots = [ET.fromstring(d) for d in call.documents]
    return [v for root in roots for v in root if v.tag in ("Enqueue", "Dial")][-1]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_queue_gets_the_context_as_taskrouter_task_attributes(app, lang):
    enqueue = _transfer_verb(_to_agent_after_status(app, lang))
    assert json.loads(enqueue.find("Task").text) == {"language": lang, "tier": "tier1", "reason": REASON[lang],
                                                     "receipt": "EAC2190012345"}
    assert (enqueue.text or "").strip() == "tier1"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_agent_asked_for_with_0_ends_the_reason_as_the_menu_choice_does(app, lang):
    call = simulated_call(app).start().press(LANG_KEY[lang]).press("1").press(CASE_KEYS).press("1").press("0")
    assert json.loads(_transfer_verb(call).find("Task").text)["reason"] == "case status > agent"


def test_a_sip_address_gets_the_context_as_x_headers(make_app):
    app = make_app(TRANSFER_TIER1="sip:agents@pbx.example.gov")
    sip = _transfer_verb(_to_agent_after_status(app)).find("Sip").text
    uri, _, query = sip.partition("?")
    assert uri == "sip:agents@pbx.example.gov"
    assert {k: v[0] for k, v in parse_qs(query).items()} == {
        "X-Language": "en", "X-Tier": "tier1", "X-Reason": "case status > agent", "X-Receipt": "EAC2190012345"}


def test_a_phone_number_gets_a_whisper_the_agent_hears_first(make_app):
    app = make_app(TRANSFER_TIER1="+12025550101")
    call = _to_agent_after_status(app, "es")
    number = _transfer_verb(call).find("Number")
    assert number.text == "+12025550101" and urlsplit(number.get("url")).path == "/voice/whisper"
    whisper = ET.fromstring(call.post(urljoin("http://localhost/", number.get("url")), {}))
    assert ["".join(say.itertext()) for say in whisper.iter("Say")] == [
        "Transferred caller. Language: es. Tier: tier1. Reason: case status > agent. "
        "Receipt: E A C 2 1 9 0 0 1 2 3 4 5."]


def test_the_vawa_choice_reaches_senior_officers_with_its_reason(app):
    call = simulated_call(app).start().press("1").press("5").press("2")
    context = json.loads(_transfer_verb(call).find("Task").text)
    assert context.pop("reason").lower() == "someone > vawa"  # the options' first English words
    assert context == {"language": "en", "tier": "tier3", "protected": "yes"}


def test_a_protected_case_is_never_described_to_a_tier_1_agent(app):
    # The senior officers do not answer; the caller presses 0 at the callback offer: a Tier 1 agent.
    call = simulated_call(app, agent_outcome="no-answer").start().press("1").press("1").press(PROTECTED_KEYS)
    call.press("1")
    senior = json.loads(_transfer_verb(call).find("Task").text)
    assert senior["tier"] == "tier3" and senior["receipt"] == "EAC2190066666"
    call.agent_outcome = "answered"
    call.press("0")
    tier1 = _transfer_verb(call)
    assert json.loads(tier1.find("Task").text) == {"language": "en", "tier": "tier1"}
    assert "EAC2190066666" not in "".join(call.documents[-1:])
