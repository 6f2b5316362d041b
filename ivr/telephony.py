"""Outbound calls, text messages and Lookup through the real Twilio REST client, pointed where configuration says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from twilio.base import values
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from ivr.domain.texting import UNSUBSCRIBED, TextNotSent

# How far this host's clock and Twilio's may disagree. A call to the same number this much before a claim
# is still taken for that claim's: a callback's own earlier try is at least an hour before (the retry delay).
CLOCK_DRIFT = timedelta(minutes=1)


@dataclass(frozen=True)
class Dialer:
    """Places a callback call whose TwiML comes from this IVR."""

    client: Client
    caller_id: str
    public_base_url: str

    def place(self, callback_id: int, to: str, lang: str) -> str:
        """Start the call; Twilio fetches /voice/callback when the person answers. Returns its CallSid."""
        base = self.public_base_url.rstrip("/")
        call = self.client.calls.create(
            to=to,
            from_=self.caller_id,
            url=f"{base}/voice/callback?id={callback_id}&lang={lang}",
            method="POST",
            status_callback=f"{base}/voice/callback-status?id={callback_id}&lang={lang}",
            status_callback_method="POST",
            # Answering-machine detection: a machine gets no message at all (it could name a VAWA, U or T matter).
            machine_detection="Enable",
        )
        return call.sid

    def placed_since(self, to: str, since: datetime) -> list[str]:
        """The SIDs of the calls this line placed to `to` since `since`, as Twilio's call list tells, oldest first.

        Twilio filters StartTime by date, so the list is narrowed here by each call's creation, to the second
        Twilio gives, less a margin for the two clocks' drift.
        """
        earliest = since.replace(microsecond=0) - CLOCK_DRIFT
        calls = self.client.calls.list(to=to, from_=self.caller_id, start_time_after=earliest, limit=20)
        placed = [call for call in calls if call.date_created is None or call.date_created >= earliest]
        return [call.sid for call in reversed(placed)]  # Twilio lists the newest first

    def status(self, call_sid: str) -> str:
        """A placed call's status as Twilio knows it now (queued ... completed, no-answer)."""
        return self.client.calls(call_sid).fetch().status


@dataclass(frozen=True)
class TwilioTexts:
    """Sends the line's text messages, and asks Lookup what a number is, through the REST client."""

    client: Client
    from_: str
    status_callback: Callable[[], str]  # the URL Twilio reports each message's status to (/sms/status)

    def send(self, to: str, body: str) -> str:
        """Send a text message; its SID. TextNotSent when Twilio refuses it (21610: the number replied STOP)."""
        try:
            sender = {"messaging_service_sid": self.from_} if self.from_.startswith("MG") else {"from_": self.from_}
            message = self.client.messages.create(to=to, body=body, **sender,
                                                  status_callback=self.status_callback() or values.unset)
        except TwilioRestException as error:
            raise TextNotSent(f"Twilio refused the message: error {error.code}",
                              unsubscribed=str(error.code) == UNSUBSCRIBED) from None
        return str(message.sid)

    def line_type(self, number: str) -> str | None:
        """Lookup v2's line type intelligence for the number (mobile, landline, fixedVoip ...), or None."""
        found = self.client.lookups.v2.phone_numbers(number).fetch(fields="line_type_intelligence")
        return (found.line_type_intelligence or {}).get("type")


def make_client(account_sid: str, auth_token: str, api_base_url: str, http_client=None,
                timeout: float | None = None) -> Client:
    """A Twilio REST client whose API calls (Lookup's too) go to `api_base_url` (a loopback stand-in in tests)."""
    if http_client is None and timeout is not None:
        http_client = TwilioHttpClient(timeout=timeout)
    client = Client(account_sid, auth_token, http_client=http_client)
    client.api.base_url = api_base_url.rstrip("/")
    if api_base_url.rstrip("/") != "https://api.twilio.com":  # a stand-in answers Lookup on the same address
        client.lookups.base_url = api_base_url.rstrip("/")
    return client
