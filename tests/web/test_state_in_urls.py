"""Call state signed into the line's own URLs while it holds nothing private; numbers never in a URL."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from ivr.runtime import runtime
from ivr.store.tables import CallSession
from tests.conftest import AUTH_TOKEN, CLOSED_HOURS, simulated_call

CALLER = "+13105550100"


def urls_in(document: str) -> list[str]:
    """Every URL a TwiML document gives Twilio to fetch."""
    root = ET.fromstring(document)
    urls = [value for element in root.iter() for name, value in element.attrib.items()
            if name.endswith(("Url", "action"))]
    return urls + [(element.text or "").strip() for element in root.iter("Redirect")]


def stored_states(app) -> int:
    """How many calls have their state in the store."""
    with app.app_context(), runtime().store.session() as session:
        return session.scalar(select(func.count()).select_from(CallSession))


def test_no_receipt_or_phone_number_is_ever_written_into_a_url(make_app):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    c = simulated_call(app, caller=CALLER).start().press("1").press("1").press("3222190012345#").press("1")
    c.press("0").press("1").press("2").press("3105550111#").press("1")
    assert "We will call you on" in c.last_heard
    urls = [url for document in c.documents for url in urls_in(document)]
    assert any("state=" in url for url in urls)
    for url in urls:
        assert not re.search(r"\d{4}", url.split("state=")[0]) and "2190012345" not in url
        token = parse_qs(urlsplit(url).query).get("state", [""])[0]
        assert not re.search(rb"\d{4}", base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))


def test_menus_keep_no_state_in_the_store_and_another_instance_goes_on_with_the_call(make_app):
    first, second = make_app(), make_app()
    c = simulated_call(first).start().press("1")
    assert "For the status of a case, press 1" in c.last_heard
    assert stored_states(first) == 0
    c.transport = simulated_call(second).transport  # the next webhook reaches the other instance
    c.press("1")
    assert "receipt number" in c.last_heard
    c.press("3222190012345#")
    assert stored_states(second) == 1  # the receipt number is private: from here the state is in the store


def test_a_state_changed_in_the_url_is_refused(app):
    c = simulated_call(app).start().press("1")
    action = ET.fromstring(c.documents[-1]).find("Gather").get("action")
    url = "http://localhost" + action
    params = c.params({"Digits": "1"})
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, params)
    forged = re.sub(r"state=[^&]*", "state=eyJ2Ijp7InJlY2VpcHRfZm9yIjoiYmlvbWV0cmljcyJ9LCJ0IjoyfQ", url)
    reply = app.test_client().post(forged.removeprefix("http://localhost"), data=params,
                                   headers={"X-Twilio-Signature": signature})
    assert reply.status_code == 403
