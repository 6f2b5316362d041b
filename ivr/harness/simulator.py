"""A simulated caller and Twilio: posts signed webhooks and follows the TwiML as Twilio would."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import parse_qs, parse_qsl, urljoin, urlsplit

from twilio.request_validator import RequestValidator

from ivr.harness.transport import Transport
from ivr.harness.twiml_rules import check_document

ACCOUNT_SID = "AC" + "0" * 32


class CallFailed(AssertionError):
    """The IVR answered a webhook in a way Twilio could not use."""


@dataclass
class Transfer:
    """Where the IVR sent the caller: kind is 'queue', 'number' or 'sip'; what the agent was handed with
    the call (a queue's <Task> attributes, a SIP address's X- headers), and the whisper an agent
    answering a phone transfer heard first."""

    kind: str
    target: str
    context: dict[str, str] = field(default_factory=dict)
    whisper: str = ""


@dataclass
class Heard:
    """One thing the caller heard, and in which language."""

    text: str
    language: str | None = None


@dataclass
class SimulatedCall:
    """One phone call into the IVR, driven step by step like a caller would."""

    transport: Transport
    base_url: str
    auth_token: str
    caller: str = "+12025550143"
    called: str = "+18003755283"
    # What happens when the IVR transfers: the DialCallStatus / QueueResult Twilio will report.
    agent_outcome: str = "answered"
    entry_path: str = "/voice"  # where the call starts: the Voice URL, or an outbound call's URL
    queue_wait: int = 300  # the average wait, in seconds, Twilio reports to a queue's hold line (AvgQueueTime)
    start_headers: dict[str, str] = field(default_factory=dict)  # sent with the first webhook only (test conditions)
    call_sid: str = field(default_factory=lambda: "CA" + uuid.uuid4().hex)
    heard: list[Heard] = field(default_factory=list)
    turn: list[Heard] = field(default_factory=list)
    transcript: list[tuple[str, str]] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    ended: bool = False
    _gather: ET.Element | None = None
    _rest: list[ET.Element] = field(default_factory=list)
    _url: str = ""

    def start(self, path: str | None = None) -> SimulatedCall:
        """Ring the line: POST the Voice URL as an inbound call (or the entry path it was given)."""
        self._fetch(urljoin(self.base_url, path or self.entry_path), {"CallStatus": "ringing"}, self.start_headers)
        return self

    def press(self, keys: str) -> SimulatedCall:
        """Press keys at the waiting Gather (its finishOnKey is not sent, as on a real phone)."""
        gather = self._waiting("dtmf")
        finish = gather.get("finishOnKey", "#")
        digits = keys[: int(most)] if (most := gather.get("numDigits")) else keys
        if finish and digits.endswith(finish):
            digits = digits[: -len(finish)]
        self._said("caller pressed", keys)
        return self._answer(gather, {"Digits": digits})

    def say(self, words: str, confidence: float = 0.92) -> SimulatedCall:
        """Speak at the waiting Gather; Twilio posts the transcript and its confidence."""
        gather = self._waiting("speech")
        self._said("caller said", words)
        return self._answer(gather, {"SpeechResult": words, "Confidence": f"{confidence:.2f}"})

    def silence(self) -> SimulatedCall:
        """Say nothing until the Gather times out."""
        gather = self._waiting(None)
        self._said("caller", "(silence)")
        if gather.get("actionOnEmptyResult") == "true":
            return self._answer(gather, {})
        self._gather = None
        self._run(self._rest)
        return self

    def text_line(self, body: str) -> SimulatedCall:
        """The caller texts the line's number (STOP, START ...): Twilio posts the message to /sms/inbound."""
        url = urljoin(self.base_url, "/sms/inbound")
        params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": ACCOUNT_SID, "From": self.caller,
                  "To": self.called, "Body": body, "NumMedia": "0", "ApiVersion": "2010-04-01"}
        signature = RequestValidator(self.auth_token).compute_signature(url, params)
        reply = self.transport.post(url, params, {"X-Twilio-Signature": signature})
        if reply.status != 200:
            raise CallFailed(f"{url} answered HTTP {reply.status}: {reply.body[:500]}")
        self._said("caller texted", body)
        return self

    def hangup(self) -> SimulatedCall:
        """The caller hangs up; Twilio reports the call completed."""
        self._finish()
        return self

    def snapshot(self) -> dict:
        """Where the call stands, as JSON-ready values: resume it later (another request, another process)."""
        return {"call_sid": self.call_sid, "caller": self.caller, "called": self.called,
                "agent_outcome": self.agent_outcome, "ended": self.ended, "url": self._url,
                "gather": ET.tostring(self._gather, encoding="unicode") if self._gather is not None else None,
                "rest": [ET.tostring(verb, encoding="unicode") for verb in self._rest]}

    @classmethod
    def resumed(cls, transport: Transport, base_url: str, auth_token: str, snapshot: dict) -> SimulatedCall:
        """The call a snapshot describes, waiting where it waited (what was heard before is not kept)."""
        call = cls(transport, base_url, auth_token, caller=snapshot["caller"], called=snapshot["called"],
                   agent_outcome=snapshot["agent_outcome"], call_sid=snapshot["call_sid"], ended=snapshot["ended"])
        call._url = snapshot["url"]
        call._gather = ET.fromstring(snapshot["gather"]) if snapshot["gather"] else None
        call._rest = [ET.fromstring(verb) for verb in snapshot["rest"]]
        return call

    @property
    def last_heard(self) -> str:
        """Everything heard since the caller last acted, as one text."""
        return " ".join(h.text for h in self.turn)

    @property
    def all_heard(self) -> str:
        """Everything heard in the whole call, as one text."""
        return " ".join(h.text for h in self.heard)

    @property
    def waiting(self) -> bool:
        """Whether the IVR is waiting for the caller's input."""
        return self._gather is not None

    @property
    def waiting_for(self) -> ET.Element | None:
        """The Gather the IVR is waiting at, or None."""
        return None if self.ended else self._gather

    def _waiting(self, mode: str | None) -> ET.Element:
        """The Gather the caller answers; input it does not accept is a test mistake."""
        if self.ended or self._gather is None:
            raise CallFailed(f"the IVR is not waiting for input (heard: {self.last_heard!r})")
        accepted = self._gather.get("input", "dtmf")
        if mode and mode not in accepted.split():
            raise CallFailed(f"this Gather takes {accepted!r}, not {mode}")
        self.turn = []
        return self._gather

    def _answer(self, gather: ET.Element, params: dict) -> SimulatedCall:
        """Post the caller's input to the Gather's action."""
        self._gather = None
        self._fetch(urljoin(self._url, gather.get("action")), params)
        return self

    def _said(self, who: str, what: str) -> None:
        """Note what the caller did in the transcript."""
        self.transcript.append((who, what))

    def params(self, extra: dict) -> dict:
        """The parameters Twilio sends with every voice webhook."""
        return {
            "CallSid": self.call_sid, "AccountSid": ACCOUNT_SID, "From": self.caller, "To": self.called,
            "Caller": self.caller, "Called": self.called, "CallStatus": "in-progress",
            "Direction": "inbound", "ApiVersion": "2010-04-01", **extra,
        }

    def post(self, url: str, extra: dict, headers: dict[str, str] | None = None) -> str:
        """POST a signed webhook and return the body; anything but 200 fails the call."""
        params = self.params(extra)
        signature = RequestValidator(self.auth_token).compute_signature(url, params)
        reply = self.transport.post(url, params, {**(headers or {}), "X-Twilio-Signature": signature})
        if reply.status != 200:
            raise CallFailed(f"{url} answered HTTP {reply.status}: {reply.body[:500]}")
        return reply.body

    def _fetch(self, url: str, extra: dict, headers: dict[str, str] | None = None) -> None:
        """Fetch a TwiML document and play it."""
        body = self.post(url, extra, headers)
        self.documents.append(body)
        self._url = url
        root = check_document(body)
        self._run(list(root))

    def _run(self, verbs: list[ET.Element]) -> None:
        """Play verbs in order until one waits for the caller, moves elsewhere, or ends the call."""
        for index, verb in enumerate(verbs):
            if verb.tag in ("Say", "Play"):
                self._hear(verb)
            elif verb.tag == "Gather":
                for inner in verb:
                    if inner.tag in ("Say", "Play"):
                        self._hear(inner)
                self._gather, self._rest = verb, verbs[index + 1 :]
                return
            elif verb.tag == "Redirect":
                return self._fetch(urljoin(self._url, (verb.text or "").strip()), {})
            elif verb.tag in ("Dial", "Enqueue"):
                if self._transfer(verb):
                    return
            elif verb.tag in ("Hangup", "Reject"):
                return self._finish()
        self._finish()  # Twilio hangs up when a document runs out of verbs

    def _hear(self, verb: ET.Element) -> None:
        """Note what a Say or Play makes the caller hear."""
        if verb.tag == "Say":
            heard = Heard(" ".join("".join(verb.itertext()).split()), verb.get("language"))
        else:  # TTY text names what its tones say; other audio is only its URL
            shown = parse_qs(urlsplit(verb.text or "").query).get("text")
            heard = Heard(shown[0], "tty") if shown else Heard(f"[audio {verb.text}]")
        text = heard.text
        self.heard.append(heard)
        self.turn.append(heard)
        self.transcript.append(("ivr", text))

    def _transfer(self, verb: ET.Element) -> bool:
        """Hand the call over as Twilio would; True when the action callback took over."""
        if verb.tag == "Enqueue":
            task = verb.find("Task")
            context = json.loads(task.text or "{}") if task is not None else {}
            self._transferred(Transfer("queue", (verb.text or "").strip(), context))
            if verb.get("waitUrl"):
                self._hold(urljoin(self._url, verb.get("waitUrl")))
            outcome = {"QueueResult": "bridged" if self.agent_outcome == "answered" else self.agent_outcome}
        else:
            child = next(iter(verb), None)
            kind = "sip" if child is not None and child.tag == "Sip" else "number"
            target = ((child.text if child is not None else verb.text) or "").strip()
            # A SIP address carries the agent's context as ?X- headers: the target is the address.
            address, _, headers = target.partition("?") if kind == "sip" else (target, "", "")
            context = {name[2:].lower(): value for name, value in parse_qsl(headers) if name.startswith("X-")}
            whisper = ""
            if child is not None and child.get("url") and self.agent_outcome == "answered":
                whisper = self._whisper(urljoin(self._url, child.get("url")))
            self._transferred(Transfer(kind, address, context, whisper))
            status = "completed" if self.agent_outcome == "answered" else self.agent_outcome
            outcome = {"DialCallStatus": status}
        if not verb.get("action"):
            return False
        self._fetch(urljoin(self._url, verb.get("action")), outcome)
        return True

    def _whisper(self, url: str) -> str:
        """What an agent answering a phone transfer hears before being connected (Twilio fetches the Number's url)."""
        document = check_document(self.post(url, {}))
        return " ".join(" ".join("".join(say.itertext()).split()) for say in document.iter("Say"))

    def _hold(self, wait_url: str) -> None:
        """Play the queue's wait TwiML once; with agent_outcome 'leave', the caller leaves by the key offered,
        1, after trying 0 and star, which must keep their place."""
        wait_params = {"QueuePosition": "1", "QueueTime": "0", "AvgQueueTime": str(self.queue_wait),
                       "CurrentQueueSize": "1"}
        wait = check_document(self.post(wait_url, wait_params))
        for say in wait.iter("Say"):
            self._hear(say)
        gather = wait.find("Gather")
        if self.agent_outcome == "leave" and gather is not None:
            action = urljoin(wait_url, gather.get("action"))
            for key in ("0", "*", "1"):
                self._said("caller pressed", key)
                left = check_document(self.post(action, {"Digits": key})).find("Leave") is not None
                if left != (key == "1"):
                    raise CallFailed(f"pressing {key} on hold {'left' if left else 'did not leave'} the line")

    def _transferred(self, transfer: Transfer) -> None:
        """Note a transfer in the call's record."""
        self.transfers.append(transfer)
        self.transcript.append(("transfer", f"{transfer.kind}:{transfer.target}"))

    def _finish(self) -> None:
        """End the call and send the completed status callback, once."""
        if not self.ended:
            self.ended, self._gather = True, None
            self.post(urljoin(self.base_url, "/voice/status"), {"CallStatus": "completed"})
