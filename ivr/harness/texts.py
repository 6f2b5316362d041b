"""The texts the line sent, as Twilio's Messages API lists them: the REST stand-in's, or a real account's."""

from __future__ import annotations

from dataclasses import dataclass

from twilio.rest import Client

TEXT_STEPS = ("expect_text", "expect_no_text")
LISTED = 100  # the newest texts to a number looked at: far more than one call sends


@dataclass(frozen=True)
class SentText:
    """One text message the line sent."""

    sid: str
    to: str
    body: str


class TextLog:
    """Lists the texts an account sent to a number, through the real REST client."""

    def __init__(self, client: Client):
        self.client = client

    def sent_to(self, number: str) -> list[SentText]:
        """The texts sent to a number, newest first."""
        return [SentText(str(m.sid), str(m.to), str(m.body)) for m in self.client.messages.list(to=number,
                                                                                                 limit=LISTED)]
