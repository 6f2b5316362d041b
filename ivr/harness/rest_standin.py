"""A loopback stand-in for Twilio's Calls, Messages and Lookup APIs: the real `twilio` REST client runs end to end."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

UNSUBSCRIBED = 21610  # Twilio's error for a message to a number that replied STOP


@dataclass
class PlacedCall:
    """One call the stand-in was asked to place."""

    sid: str
    to: str
    from_: str
    url: str
    status_callback: str
    account: str
    created: datetime  # the stand-in's clock when the call was asked for
    machine_detection: str = ""  # "Enable": Twilio tells the callback URL whether a machine answered


@dataclass
class SentMessage:
    """One text message the stand-in was asked to send."""

    sid: str
    to: str
    from_: str
    body: str
    status_callback: str
    account: str
    created: datetime


@dataclass
class CallsApi:
    """The stand-in's state: the calls it placed, the texts it sent, and an optional delay to hold workers mid-dial.

    Messages to a number in `unsubscribed` are refused with Twilio's 21610, as after a STOP; with `message_error`
    set every message is refused with that error code. Lookup answers each number's `line_types` entry (mobile
    by default).
    """

    auth: tuple[str, str]
    delay: float = 0.0
    calls: list[PlacedCall] = field(default_factory=list)
    final_status: str = "completed"  # what fetching a placed call reports
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Seconds to hold the answer after the call is placed: a worker killed meanwhile placed a call it never learnt of.
    delay_after: float = 0.0
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    messages: list[SentMessage] = field(default_factory=list)
    unsubscribed: set[str] = field(default_factory=set)
    message_error: int | None = None
    line_types: dict[str, str] = field(default_factory=dict)

    def __call__(self, environ, start_response):
        """The WSGI app: Calls.json places, lists and fetches calls, Messages.json sends and lists texts, and
        /v2/PhoneNumbers/N is Lookup; else 404, or 401 without the account's credentials."""
        request = Request(environ)
        parts = request.path.strip("/").split("/")
        if request.authorization is None or (request.authorization.username,
                                             request.authorization.password) != self.auth:
            return Response(json.dumps({"code": 20003, "message": "Authenticate"}), 401,
                            mimetype="application/json")(environ, start_response)
        if len(parts) == 3 and parts[:2] == ["v2", "PhoneNumbers"] and request.method == "GET":
            return self._lookup(parts[2])(environ, start_response)
        if len(parts) == 4 and parts[3] == "Messages.json":
            answer = self._send(parts[2], request.form) if request.method == "POST" else self._messages(parts[2],
                                                                                                      request.args)
            return answer(environ, start_response)
        if request.method == "GET" and len(parts) == 5 and parts[3] == "Calls":
            return self._fetch(parts[2], parts[4].removesuffix(".json"))(environ, start_response)
        if request.method == "GET" and len(parts) == 4 and parts[3] == "Calls.json":
            return self._list(parts[2], request.args)(environ, start_response)
        if request.method != "POST" or len(parts) != 4 or parts[3] != "Calls.json":
            return Response("not found", 404)(environ, start_response)
        if self.delay:
            time.sleep(self.delay)
        call = self._place(parts[2], request.form)
        if self.delay_after:
            time.sleep(self.delay_after)
        body = {"sid": call.sid, "account_sid": call.account, "to": call.to, "from": call.from_,
                "status": "queued", "uri": f"/2010-04-01/Accounts/{call.account}/Calls/{call.sid}.json"}
        return Response(json.dumps(body), 201, mimetype="application/json")(environ, start_response)

    def _fetch(self, account: str, sid: str) -> Response:
        """A placed call, reported with `final_status`; 404 for a call never placed."""
        if not any(call.sid == sid for call in self.calls):
            return Response(json.dumps({"code": 20404, "message": "not found"}), 404, mimetype="application/json")
        body = {"sid": sid, "account_sid": account, "status": self.final_status}
        return Response(json.dumps(body), 200, mimetype="application/json")

    def _list(self, account: str, args) -> Response:
        """Calls.json's list: the calls placed, newest first, by To, From and StartTime> (a date, as Twilio's)."""
        since = args.get("StartTime>") or args.get("StartTime>=")
        day = datetime.fromisoformat(since.replace("Z", "+00:00")).date() if since else None
        with self.lock:
            calls = [c for c in reversed(self.calls) if c.account == account
                     and args.get("To", c.to) == c.to and args.get("From", c.from_) == c.from_
                     and (day is None or c.created.astimezone(UTC).date() >= day)]
        records = [{"sid": c.sid, "account_sid": account, "to": c.to, "from": c.from_, "status": self.final_status,
                    "date_created": format_datetime(c.created, usegmt=True),
                    "start_time": format_datetime(c.created, usegmt=True)} for c in calls]
        uri = f"/2010-04-01/Accounts/{account}/Calls.json"
        body = {"calls": records, "page": 0, "page_size": len(records) or 50, "start": 0, "end": len(records),
                "uri": uri, "first_page_uri": uri, "next_page_uri": None, "previous_page_uri": None}
        return Response(json.dumps(body), 200, mimetype="application/json")

    def _send(self, account: str, form) -> Response:
        """Messages.json's create: the text kept and 201, or Twilio's error as a 400 (21610 after a STOP)."""
        to = form.get("To", "")
        code = UNSUBSCRIBED if to in self.unsubscribed else self.message_error
        if code is not None:
            body = {"code": code, "message": f"message refused ({code})", "status": 400,
                    "more_info": f"https://www.twilio.com/docs/errors/{code}"}
            return Response(json.dumps(body), 400, mimetype="application/json")
        sent = SentMessage("SM" + uuid.uuid4().hex, to, form.get("From", "") or form.get("MessagingServiceSid", ""),
                           form.get("Body", ""), form.get("StatusCallback", ""), account, self.clock().astimezone(UTC))
        with self.lock:
            self.messages.append(sent)
        return Response(json.dumps(self._message_record(sent)), 201, mimetype="application/json")

    def _message_record(self, sent: SentMessage) -> dict:
        """A message as Twilio's API shows it."""
        return {"sid": sent.sid, "account_sid": sent.account, "to": sent.to, "from": sent.from_, "body": sent.body,
                "status": "queued", "date_created": format_datetime(sent.created, usegmt=True),
                "uri": f"/2010-04-01/Accounts/{sent.account}/Messages/{sent.sid}.json"}

    def _messages(self, account: str, args) -> Response:
        """Messages.json's list: the texts sent, newest first, by To and From."""
        with self.lock:
            sent = [m for m in reversed(self.messages) if m.account == account
                    and args.get("To", m.to) == m.to and args.get("From", m.from_) == m.from_]
        uri = f"/2010-04-01/Accounts/{account}/Messages.json"
        body = {"messages": [self._message_record(m) for m in sent], "page": 0, "page_size": len(sent) or 50,
                "start": 0, "end": len(sent), "uri": uri, "first_page_uri": uri, "next_page_uri": None,
                "previous_page_uri": None}
        return Response(json.dumps(body), 200, mimetype="application/json")

    def _lookup(self, number: str) -> Response:
        """Lookup v2 with line type intelligence: the number's entry in `line_types`, mobile by default."""
        line_type = self.line_types.get(number, "mobile")
        body = {"phone_number": number, "valid": True, "country_code": "US", "calling_country_code": "1",
                "line_type_intelligence": {"type": line_type, "carrier_name": "stand-in", "error_code": None},
                "url": f"https://lookups.twilio.com/v2/PhoneNumbers/{number}"}
        return Response(json.dumps(body), 200, mimetype="application/json")

    def _place(self, account: str, form) -> PlacedCall:
        """Record a call request."""
        call = PlacedCall("CA" + uuid.uuid4().hex, form.get("To", ""), form.get("From", ""), form.get("Url", ""),
                          form.get("StatusCallback", ""), account, self.clock().astimezone(UTC),
                          form.get("MachineDetection", ""))
        with self.lock:
            self.calls.append(call)
        return call


class _QuietHandler(WSGIRequestHandler):
    """No access log: a load of calls would bury the output that matters."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log nothing."""


class RestStandin:
    """Serves a CallsApi on a loopback port (0: one the kernel picks) in a background thread; a context manager."""

    def __init__(self, account_sid: str, auth_token: str, delay: float = 0.0,
                 clock: Callable[[], datetime] | None = None, port: int = 0, host: str = "127.0.0.1"):
        self.api = CallsApi((account_sid, auth_token), delay)
        if clock is not None:
            self.api.clock = clock
        self._server = make_server(host, port, self.api, threaded=True, request_handler=_QuietHandler)
        self.url = f"http://{host}:{self._server.server_port}"
        # Polling for shutdown every 50 ms, not the default 0.5 s, lets a test stop it at once.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> RestStandin:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
