"""Answers' pages by text: sent through the REST client, opt-outs kept from the messaging webhooks, Lookup."""

from __future__ import annotations

import time
import uuid
from urllib.parse import urljoin

import pytest
from sqlalchemy import create_engine, event, text
from twilio.request_validator import RequestValidator

from ivr.harness.rest_standin import RestStandin
from ivr.runtime import EXTENSION, runtime
from ivr.store.opt_outs import is_opted_out
from tests.conftest import AUTH_TOKEN, simulated_call

ACCOUNT = "AC" + "7" * 32
CALLER = "+12025550161"
TO_G28 = {"en": ["1", "5", "3", "3", "2"], "es": ["2", "5", "3", "3", "2"]}  # the G-28 answer, then "go on"
OFFER = {"en": "To get a link to this page by text message, press 4",
         "es": "Para recibir el enlace a esta página por mensaje de texto, oprima 4"}
ADDRESS = {"en": "To hear the address of this page on our website, press 4",
           "es": "Para escuchar la dirección de esta página en nuestro sitio web, oprima 4"}


@pytest.fixture
def standin():
    """Twilio's REST API, on a loopback port."""
    with RestStandin(ACCOUNT, AUTH_TOKEN) as server:
        yield server


@pytest.fixture
def texting_app(make_app, standin):
    """The IVR texting through the stand-in."""
    return make_app(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_API_BASE_URL=standin.url, TEXT_FROM="+18003755283")


def to_the_answer(app, lang: str = "en", caller: str = CALLER):
    """A call that heard the Form G-28 answer and waits at the way forward."""
    call = simulated_call(app, caller=caller).start()
    for key in TO_G28[lang]:
        call.press(key)
    return call


def twilio_post(client, path: str, params: dict, token: str = AUTH_TOKEN):
    """POST a messaging webhook signed as Twilio signs it (with `token`)."""
    signature = RequestValidator(token).compute_signature("http://localhost" + path, params)
    return client.post(path, data=params, headers={"X-Twilio-Signature": signature})


def opted_out(app, number: str) -> bool:
    """Whether the line keeps the number among its opt-outs."""
    with app.app_context():
        return is_opted_out(runtime().store, number)


def inbound(body: str, number: str = CALLER, **extra) -> dict:
    """An incoming text's parameters."""
    return {"MessageSid": "SM" + "1" * 32, "AccountSid": ACCOUNT, "From": number, "To": "+18003755283",
            "Body": body, **extra}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_link_goes_by_text_in_the_callers_language_after_the_key(texting_app, standin, lang):
    call = to_the_answer(texting_app, lang)
    assert OFFER[lang] in call.last_heard
    call.press("4")
    assert standin.api.messages == []
    call.press("1")
    [sent] = standin.api.messages
    link = {"en": "https://www.uscis.gov/g-28", "es": "https://www.uscis.gov/es/g-28"}[lang]
    assert (sent.to, sent.from_, sent.account) == (CALLER, "+18003755283", ACCOUNT)
    assert link in sent.body and ("página" in sent.body) == (lang == "es")
    assert sent.status_callback == "http://localhost/sms/status"


def test_the_status_callback_is_the_public_url_behind_a_proxy(make_app, standin):
    app = make_app(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_API_BASE_URL=standin.url, TEXT_FROM="+18003755283",
                   PUBLIC_BASE_URL="https://ivr.example.gov")
    call = simulated_call(app, caller=CALLER)
    call.base_url = "https://ivr.example.gov"
    call.start()
    for key in [*TO_G28["en"], "4", "1"]:
        call.press(key)
    assert [m.status_callback for m in standin.api.messages] == ["https://ivr.example.gov/sms/status"]


def test_the_key_delivered_twice_sends_one_text(texting_app, standin):
    call = to_the_answer(texting_app).press("4")
    url = urljoin(call._url, call.waiting_for.get("action"))
    first = call.post(url, {"Digits": "1"})
    assert call.post(url, {"Digits": "1"}) == first
    assert len(standin.api.messages) == 1


def test_without_a_from_number_no_text_is_offered_and_the_address_is_spoken(make_app, standin):
    app = make_app(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_API_BASE_URL=standin.url)
    call = to_the_answer(app)
    assert ADDRESS["en"] in call.last_heard and "by text message" not in call.last_heard
    assert "uscis.gov/g-28" in call.press("4").last_heard
    assert standin.api.messages == []


def test_the_address_is_spoken_in_the_language_chosen_at_the_way_forward(make_app):
    call = to_the_answer(make_app(), "en")  # no IVR_TEXT_FROM: the way forward offers the address
    assert ADDRESS["en"] in call.last_heard
    assert ADDRESS["es"] in call.press("9").last_heard
    assert "en uscis.gov/es/g-28" in call.press("4").last_heard


def test_a_forged_stop_is_refused_and_changes_nothing(texting_app):
    client = texting_app.test_client()
    assert twilio_post(client, "/sms/inbound", inbound("STOP"), token="not-the-token").status_code == 403
    assert client.post("/sms/inbound", data=inbound("STOP")).status_code == 403
    assert not opted_out(texting_app, CALLER)


def test_stop_keeps_the_number_from_texts_and_start_brings_them_back(texting_app, standin):
    client = texting_app.test_client()
    reply = twilio_post(client, "/sms/inbound", inbound("Stop"))
    assert reply.status_code == 200 and reply.data.decode().endswith("<Response />")
    assert opted_out(texting_app, CALLER)
    call = to_the_answer(texting_app, "es")
    assert ADDRESS["es"] in call.last_heard and "mensaje de texto" not in call.last_heard
    call.press("4")
    assert "uscis.gov/es/g-28" in call.last_heard and standin.api.messages == []
    assert twilio_post(client, "/sms/inbound", inbound("START")).status_code == 200
    assert not opted_out(texting_app, CALLER)
    assert OFFER["en"] in to_the_answer(texting_app).last_heard


def test_twilios_opt_out_type_is_honoured_and_other_messages_change_nothing(texting_app):
    client = texting_app.test_client()
    twilio_post(client, "/sms/inbound", inbound("thanks!"))
    twilio_post(client, "/sms/inbound", inbound("HELP"))
    assert not opted_out(texting_app, CALLER)
    twilio_post(client, "/sms/inbound", inbound("ALTO", OptOutType="STOP"))
    assert opted_out(texting_app, CALLER)


def test_a_status_callback_with_21610_is_kept_as_an_opt_out(texting_app):
    client = texting_app.test_client()
    status = {"MessageSid": "SM" + "2" * 32, "AccountSid": ACCOUNT, "From": "+18003755283", "To": CALLER}
    assert twilio_post(client, "/sms/status", {**status, "MessageStatus": "delivered"}).status_code == 204
    assert twilio_post(client, "/sms/status", {**status, "MessageStatus": "failed", "ErrorCode": "30003"}) \
        .status_code == 204
    assert not opted_out(texting_app, CALLER)
    forged = {**status, "MessageStatus": "undelivered", "ErrorCode": "21610"}
    assert twilio_post(client, "/sms/status", forged, token="not-the-token").status_code == 403
    assert not opted_out(texting_app, CALLER)
    assert twilio_post(client, "/sms/status", forged).status_code == 204
    assert opted_out(texting_app, CALLER)
    assert ADDRESS["en"] in to_the_answer(texting_app).last_heard


def test_a_send_twilio_refuses_as_unsubscribed_is_kept_and_the_caller_hears_why(texting_app, standin):
    standin.api.unsubscribed.add(CALLER)
    call = to_the_answer(texting_app).press("4").press("1")
    assert "This number has asked us not to send it text messages" in call.last_heard
    assert "uscis.gov/g-28" in call.last_heard and standin.api.messages == []
    assert opted_out(texting_app, CALLER)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_send_twilio_refuses_otherwise_tells_the_caller_and_goes_on(texting_app, standin, lang):
    standin.api.message_error = 21211  # an invalid 'To' number
    call = to_the_answer(texting_app, lang).press("4").press("1")
    sorry = {"en": "Sorry, we could not send the text message just now",
             "es": "Lo sentimos, no pudimos enviar el mensaje de texto en este momento"}[lang]
    assert sorry in call.last_heard and ("uscis.gov/es/g-28" if lang == "es" else "uscis.gov/g-28") in call.last_heard
    way_on = {"en": "To speak with an agent, press 2", "es": "Para hablar con un agente, oprima 2"}[lang]
    assert way_on in call.last_heard
    assert not opted_out(texting_app, CALLER)


@pytest.mark.parametrize(("line_type", "offered"), [("mobile", True), ("landline", False), ("fixedVoip", False)])
def test_lookup_where_configured_offers_the_text_to_mobile_phones_only(make_app, standin, line_type, offered):
    app = make_app(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_API_BASE_URL=standin.url, TEXT_FROM="+18003755283",
                   LOOKUP_LINE_TYPE="1")
    standin.api.line_types[CALLER] = line_type
    heard = to_the_answer(app).last_heard
    assert (OFFER["en"] in heard, ADDRESS["en"] in heard) == (offered, not offered)


def test_opt_outs_that_cannot_be_read_mean_no_text_and_the_address_never_an_apology(texting_app, standin):
    with texting_app.app_context(), runtime().store.session() as session:
        session.execute(text("DROP TABLE text_opt_outs"))
    call = to_the_answer(texting_app, "es")
    assert ADDRESS["es"] in call.last_heard and "problema" not in call.all_heard
    assert "my.uscis.gov" not in call.last_heard and "uscis.gov/es/g-28" in call.press("4").last_heard
    assert standin.api.messages == []


def test_on_postgresql_a_locked_opt_outs_table_costs_the_text_only(make_app, pg_url, standin):
    app = make_app(DATABASE_URL=pg_url, DEMO_DATA="0", TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_API_BASE_URL=standin.url,
                   TEXT_FROM="+18003755283")
    holder = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with app.app_context():
            runtime().store.migrate()
        with holder.connect() as connection, connection.begin():
            connection.execute(text("LOCK TABLE text_opt_outs IN ACCESS EXCLUSIVE MODE"))
            call = to_the_answer(app, caller="+1202555" + f"{uuid.uuid4().int % 10_000:04d}")
            assert ADDRESS["en"] in call.last_heard and "sorry" not in call.all_heard.lower()
        assert "uscis.gov/g-28" in call.press("4").last_heard
        assert standin.api.messages == []
    finally:
        holder.dispose()
        app.extensions["ivr"].store.dispose()


@pytest.mark.parametrize("sender", ["18003755283", "line", "MG123"])
def test_a_from_number_texts_cannot_come_from_stops_the_start(make_app, sender):
    with pytest.raises(ValueError, match="IVR_TEXT_FROM"):
        make_app(TEXT_FROM=sender)


def test_a_messaging_service_sends_the_texts(make_app, standin):
    service = "MG" + "a" * 32
    app = make_app(TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_API_BASE_URL=standin.url, TEXT_FROM=service)
    to_the_answer(app).press("4").press("1")
    assert [(m.to, m.from_) for m in standin.api.messages] == [(CALLER, service)]


HUNG_STORE_SECONDS = 8.0  # far past the budget below, and past what a busy machine adds to it


def test_a_store_that_hangs_holds_no_messaging_webhook_past_its_budget(make_app):
    """STOP, START and a 21610 status each answer Twilio within the webhook budget when the store hangs."""
    app = make_app(TWILIO_ACCOUNT_SID=ACCOUNT, WEBHOOK_BUDGET_SECONDS="0.5")
    store = app.extensions[EXTENSION].store
    store.keep_no_connection()
    event.listen(store.engine, "checkout", lambda *_args: time.sleep(HUNG_STORE_SECONDS))
    client = app.test_client()
    status = {"MessageSid": "SM" + "3" * 32, "AccountSid": ACCOUNT, "From": "+18003755283", "To": CALLER,
              "MessageStatus": "undelivered", "ErrorCode": "21610"}
    for path, params, code in [("/sms/inbound", inbound("STOP"), 200), ("/sms/inbound", inbound("START"), 200),
                               ("/sms/status", status, 204)]:
        started = time.monotonic()
        reply = twilio_post(client, path, params)
        assert reply.status_code == code
        assert time.monotonic() - started < HUNG_STORE_SECONDS / 2
