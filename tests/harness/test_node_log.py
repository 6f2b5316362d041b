"""Each webhook of an in-process call is credited with the nodes it entered, and no other call's."""

from __future__ import annotations

import threading

from ivr import create_app
from ivr.harness.local import BASE_URL, TOKEN, LocalBackend
from ivr.harness.recording import RecordingTransport
from ivr.harness.scenario import Conditions
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import WsgiTransport


class AnswersTogether:
    """Holds each answer until the other call's webhook has been answered too: the webhooks overlap."""

    def __init__(self, inner, meeting: threading.Barrier):
        self.inner, self.meeting = inner, meeting

    def post(self, url, params, headers):
        reply = self.inner.post(url, params, headers)
        self.meeting.wait(timeout=30)
        return reply


def test_calls_answered_at_once_on_threads_are_each_credited_with_their_own_nodes(tmp_path):
    backend = LocalBackend(create_app, tmp_path)
    try:
        app = backend.app_for(Conditions())
        meeting = threading.Barrier(2)
        calls = {lang: SimulatedCall(RecordingTransport(AnswersTogether(WsgiTransport(app), meeting),
                                                        backend.node_log),
                                     BASE_URL, TOKEN, call_sid=f"CA{lang}{'0' * 30}")
                 for lang in ("en", "es")}

        def walk(lang: str) -> None:
            calls[lang].start().press("1" if lang == "en" else "2")

        threads = [threading.Thread(target=walk, args=(lang,)) for lang in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        for lang, call in calls.items():
            chosen = call.transport.exchanges[-1]
            assert chosen.entered, f"the {lang} call's language choice entered no node"
            assert {node_lang for _node, node_lang in chosen.entered} == {lang}, chosen.entered
            assert ("main.main_menu", lang) in chosen.entered
    finally:
        backend.close()

