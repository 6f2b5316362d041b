"""The webhooks wrk replays: distinct calls walked to where they answer, signed as Twilio signs them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlencode

import requests
from twilio.request_validator import RequestValidator

from ivr.domain.receipts import KEYPAD_PREFIXES
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import HttpTransport, Reply
from ivr.web.replays import TURN
from webhook_bench.references import answer_key
from webhook_bench.serving import PUBLIC, TOKEN, Served

ROWS = ("welcome", "menu", "lookup", "slots")
WALKERS = 4  # calls walked at once: the served IVR has a worker per core
KEYS_FOR = {prefix: keys for keys, prefix in KEYPAD_PREFIXES.items()}
# What each answer must say (so the bench never measures an apology), and how the call gets there.
HEARD = {"welcome": "For English", "menu": "For the status of a case", "lookup": "This status is from",
         "slots": "press 3"}


@dataclass(frozen=True)
class Plan:
    """One row's requests, in the file wrk reads."""

    requests_file: Path
    count: int


class PublicToLocal:
    """Signs for the public URL, posts to the served app's loopback address."""

    def __init__(self, base: str):
        self.http = HttpTransport(base)
        self.base = base

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """POST to the loopback address of the signed URL."""
        return self.http.post(url.replace(PUBLIC, self.base), params, headers)


def keys(receipt: str) -> str:
    """A receipt number as keyed on a phone, then #."""
    return KEYS_FOR[receipt[:3]] + receipt[3:] + "#"


def walked(row: str, base: str, n: int, receipt: str) -> tuple[str, dict[str, str]]:
    """(path, parameters) of the row's webhook for the n-th call, walked there first."""
    call = SimulatedCall(PublicToLocal(base), PUBLIC, TOKEN, caller=f"+1202555{n:04d}",
                         call_sid=f"CA{row[:4]}{n:028d}")
    if row == "welcome":
        return "/voice", call.params({"CallStatus": "ringing"})
    call.start()
    answer = {"menu": "1", "lookup": "1", "slots": keys(receipt)}[row]
    for pressed in {"menu": [], "lookup": ["1", "1", keys(receipt)], "slots": ["1", "0", "1"]}[row]:
        call.press(pressed)
    action = ET.fromstring(call.documents[-1]).find("Gather").get("action")
    return without_turn(action), call.params({"Digits": answer.removesuffix("#")})


def without_turn(action: str) -> str:
    """An answer URL without the turn it answers.

    Where a call's state is kept in the store (the read-back holds the receipt number, the
    callback offer the caller's number), its URLs carry the call's turn, and the same request
    posted again would be answered from the kept reply, as a repeated delivery is: without a turn
    each delivery is a new answer, look-up, slots and all.
    """
    path, _, query = action.partition("?")
    kept = [(name, value) for name, value in parse_qsl(query) if name != TURN]
    return f"{path}?{urlencode(kept)}"


def walked_line(row: str, base: str, receipts: list[str], n: int) -> str:
    """The signed request line of the row's webhook for the n-th call."""
    return signed_line(*walked(row, base, n, receipts[n % len(receipts)]))


def signed_line(path: str, params: dict[str, str]) -> str:
    """One line of wrk's request file: path, Twilio's signature, form body."""
    signature = RequestValidator(TOKEN).compute_signature(PUBLIC + path, params)
    return f"{path}\t{signature}\t{urlencode(params)}"


def answer_of(ivr: Served, row: str, line: str) -> str:
    """The IVR's answer to one request line, checked to be the row's answer and not an apology."""
    path, signature, body = line.split("\t")
    reply = requests.post(ivr.base + path, data=body, timeout=15, headers={
        "X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"})
    if reply.status_code != 200 or HEARD[row] not in reply.text:
        raise SystemExit(f"{row}: the IVR answered {reply.status_code} without {HEARD[row]!r}: {reply.text[:500]}")
    return reply.text


def prepare_plans(ivr: Served, receipts: list[str], calls: int, work: Path) -> dict[str, Plan]:
    """Walk the calls, write each row's request file, and the answers and greeting for the reference apps."""
    plans, answers = {}, {}
    for row in ROWS:
        print(f"walking {calls} calls to the {row} webhook...", flush=True)
        with ThreadPoolExecutor(WALKERS) as pool:
            lines = list(pool.map(partial(walked_line, row, ivr.base, receipts), range(calls)))
            replies = list(pool.map(partial(answer_of, ivr, row), lines))
        for line, reply in zip(lines, replies, strict=True):
            path, _, body = line.split("\t")
            answers[answer_key(path, parse_qs(body)["CallSid"][0])] = reply
        plans[row] = Plan(work / f"{row}.requests", len(lines))
        plans[row].requests_file.write_text("\n".join(lines) + "\n")
    (work / "answers.json").write_text(json.dumps(answers))
    (work / "greeting.json").write_text(json.dumps(greeting(answers[next(iter(answers))])))
    return plans


def greeting(welcome: str) -> dict:
    """The welcome's Gather attributes and Says, for the minimal VoiceResponse route to build anew."""
    gather = ET.fromstring(welcome).find("Gather")
    names = {"numDigits": "num_digits", "finishOnKey": "finish_on_key", "speechTimeout": "speech_timeout",
             "speechModel": "speech_model"}
    return {"gather": {names.get(k, k): v for k, v in gather.attrib.items()},
            "says": [{"text": "".join(say.itertext()), "voice": say.get("voice"), "language": say.get("language")}
                     for say in gather.iter("Say")]}
