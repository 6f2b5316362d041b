"""The webhooks' contract: signatures, proxies, faults, status callbacks, any instance."""

from __future__ import annotations

import logging
import shutil

import pytest
from twilio.request_validator import RequestValidator

from ivr.config import ROOT
from ivr.harness.local import make_database_unreachable
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import FlaskTransport
from ivr.runtime import runtime
from ivr.store.calls import load_state, record_status, statuses_of
from tests.conftest import AUTH_TOKEN, CLOSED_HOURS, simulated_call

PARAMS = {"CallSid": "CA" + "1" * 32, "AccountSid": "AC" + "0" * 32, "From": "+12025550143",
          "To": "+18003755283", "CallStatus": "ringing", "Direction": "inbound"}


def sign(url: str, params: dict, token: str = AUTH_TOKEN) -> str:
    """Twilio's signature of a request."""
    return RequestValidator(token).compute_signature(url, params)


@pytest.mark.parametrize("path", ["/voice", "/voice/gather?node=main.main_menu&lang=en", "/voice/status",
                                  "/voice/transfer-result?node=common.tier1_transfer&lang=en", "/voice/hold"])
@pytest.mark.parametrize("signature", [None, "forged", "wrong-token"])
def test_unsigned_or_forged_webhooks_get_403_and_change_nothing(app, client, path, signature):
    headers = {}
    if signature == "forged":
        headers["X-Twilio-Signature"] = "bm90IGEgc2lnbmF0dXJl"
    elif signature == "wrong-token":
        headers["X-Twilio-Signature"] = sign("http://localhost" + path, PARAMS, token="someone-else")
    response = client.post(path, data=PARAMS, headers=headers)
    assert response.status_code == 403
    assert b"<Response" not in response.data
    with app.app_context():
        assert load_state(runtime().store, PARAMS["CallSid"]) is None
        assert statuses_of(runtime().store, PARAMS["CallSid"]) == []


def test_a_signed_request_with_tampered_parameters_is_refused(client):
    headers = {"X-Twilio-Signature": sign("http://localhost/voice", PARAMS)}
    response = client.post("/voice", data={**PARAMS, "From": "+13125550100"}, headers=headers)
    assert response.status_code == 403


def test_behind_a_proxy_public_base_url_is_what_twilio_signed(make_app):
    app = make_app(PUBLIC_BASE_URL="https://ivr.example.gov")
    public = "https://ivr.example.gov/voice"
    client = app.test_client()
    assert client.post("/voice", data=PARAMS, headers={"X-Twilio-Signature": sign(public, PARAMS)}).status_code == 200
    internal = sign("http://localhost/voice", PARAMS)
    assert client.post("/voice", data=PARAMS, headers={"X-Twilio-Signature": internal}).status_code == 403


def test_twilio_may_sign_the_url_with_its_port_or_without(make_app):
    app = make_app(PUBLIC_BASE_URL="https://ivr.example.gov")
    client = app.test_client()
    for signed in ("https://ivr.example.gov/voice", "https://ivr.example.gov:443/voice"):
        headers = {"X-Twilio-Signature": sign(signed, PARAMS)}
        assert client.post("/voice", data=PARAMS, headers=headers).status_code == 200, signed


def test_a_signature_that_is_not_base64_text_is_refused(client):
    response = client.post("/voice", data=PARAMS, headers={"X-Twilio-Signature": "sï¿½gnature"})
    assert response.status_code == 403


def test_trusted_forwarded_headers_rebuild_the_signed_url(make_app):
    app = make_app(TRUST_PROXY="1")
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "ivr.example.gov",
               "X-Twilio-Signature": sign("https://ivr.example.gov/voice", PARAMS)}
    assert app.test_client().post("/voice", data=PARAMS, headers=headers).status_code == 200


def test_forwarded_headers_are_ignored_unless_trusted(app):
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "ivr.example.gov",
               "X-Twilio-Signature": sign("https://ivr.example.gov/voice", PARAMS)}
    assert app.test_client().post("/voice", data=PARAMS, headers=headers).status_code == 403


def test_a_whole_call_over_a_public_base_url(make_app):
    app = make_app(PUBLIC_BASE_URL="https://ivr.example.gov")
    c = SimulatedCall(FlaskTransport(app.test_client()), "https://ivr.example.gov", AUTH_TOKEN).start()
    c.press("2").press("5").press("2")
    assert [t.target for t in c.transfers] == ["tier3"]


def test_two_instances_serve_alternating_webhooks_of_one_call(make_app):
    first, second = make_app(), make_app()
    c = simulated_call(first).start()
    c.transport = FlaskTransport(second.test_client())
    c.press("2")
    c.transport = FlaskTransport(first.test_client())
    c.press("4")
    c.transport = FlaskTransport(second.test_client())
    c.press("1")
    assert "oficial de servicios de inmigración" in c.all_heard
    assert [t.target for t in c.transfers] == ["tier2"]


@pytest.mark.parametrize(("lang", "apology", "way_forward"), [
    ("1", "something went wrong on our side", "connect you with an agent"),
    ("2", "ocurrió un problema en nuestro sistema", "le comunicamos con un agente"),
])
def test_a_fault_in_an_action_becomes_an_apology_and_an_agent(app, call, caplog, lang, apology, way_forward):
    def broken(_ctx):
        raise RuntimeError("database unavailable for EAC2190012345 from +12025550143")

    app.extensions["ivr"].engine.actions = {**app.extensions["ivr"].engine.actions, "agents_open": broken}
    c = call().start().press(lang)
    with caplog.at_level(logging.ERROR):
        c.press("0")
    assert apology in c.last_heard and way_forward in c.last_heard
    assert [t.target for t in c.transfers] == ["tier1"]
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert c.call_sid in logged
    assert "EAC2190012345" not in logged and "2025550143" not in logged


def test_a_fault_out_of_hours_apologises_and_says_goodbye(make_app):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    app.extensions["ivr"].engine.actions = {"agents_open": lambda _ctx: 1 / 0}
    c = simulated_call(app).start().press("2").press("0")
    assert "Lo sentimos: ocurrió un problema" in c.last_heard
    assert "Por favor, llame más tarde. Adiós." in c.last_heard
    assert c.ended and not c.transfers


def test_a_gather_for_a_node_that_no_longer_exists_still_answers_200(client):
    url = "http://localhost/voice/gather?node=main.retired_menu&lang=es"
    params = {**PARAMS, "Digits": "1"}
    response = client.post(url, data=params, headers={"X-Twilio-Signature": sign(url, params)})
    assert response.status_code == 200
    assert "Lo sentimos" in response.get_data(as_text=True)


def test_a_call_the_store_forgot_resumes_from_the_url(app, call):
    c = call().start().press("2")
    with app.app_context():
        record_status(runtime().store, c.call_sid, "completed", runtime().clock())
    c.press("5")
    assert "Para una pregunta sobre su caso" in c.last_heard


def test_status_callbacks_are_recorded_once_and_forget_the_call(app, call):
    c = call().start().press("1")
    status_url = "http://localhost/voice/status"
    params = c.params({"CallStatus": "completed"})
    client = app.test_client()
    headers = {"X-Twilio-Signature": sign(status_url, params)}
    for _ in range(3):
        assert client.post(status_url, data=params, headers=headers).status_code == 200
    with app.app_context():
        assert statuses_of(runtime().store, c.call_sid) == ["completed"]
        assert load_state(runtime().store, c.call_sid) is None


def test_unknown_flow_refuses_to_start_naming_file_node_and_problem(make_app, tmp_path):
    flows = tmp_path / "flows"
    shutil.copytree(ROOT / "call_flows", flows)
    source = (flows / "common.yaml").read_text()
    (flows / "common.yaml").write_text(source.replace("goto: main.main_menu", "goto: main.nowhere", 1))
    with pytest.raises(Exception) as problem:
        make_app(FLOWS_DIR=str(flows))
    assert "common.yaml" in str(problem.value) and "after_agents" in str(problem.value)
    assert "unknown node 'main.nowhere'" in str(problem.value)



@pytest.mark.parametrize(("outcome", "heard"), [("answered", ""), ("queue-full", "Please call again later. Goodbye.")])
def test_with_the_database_down_a_fault_transfer_ends_without_a_loop(app, call, outcome, heard):
    c = call(agent_outcome=outcome).start().press("1")
    make_database_unreachable(app)
    c.press("0")
    assert "something went wrong on our side" in c.all_heard
    assert [t.target for t in c.transfers] == ["tier1"]  # once: no loop of apologies
    assert c.ended and c.last_heard.endswith(heard)
