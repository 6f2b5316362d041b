"""The TwiML writer, document by document, compared as canonical XML in both languages."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import pytest

from ivr.config import ROOT
from ivr.domain.routing import Target
from ivr.flows.model import FlowSet, Prompt
from ivr.flows.steps import Gather, Hangup, Say, Step, Transfer
from ivr.twiml import TwimlWriter, document_text

VOICE = {"en": "Polly.Joanna-Neural", "es": "Polly.Lupe-Neural"}
TAG = {"en": "en-US", "es": "es-US"}
PROMPTS = {
    "main_menu": {"en": "For the status of a case, press 1 or say status.",
                  "es": "Para conocer el estado de un caso, oprima 1 o diga estado."},
    "enter_phone": {"en": "Enter the area code and 7-digit number, then press the pound key.",
                    "es": "Marque el código de área y el número de 7 dígitos, y luego la tecla de numeral."},
    "choose_language": {"en": "For English, press 1.", "es": "Para español, oprima 2."},
    "number_read_back": {"en": "We will call {phone_spoken}.", "es": "Llamaremos al {phone_spoken}."},
    "confirm_number": {"en": "If that is correct, press 1.", "es": "Si es correcto, oprima 1."},
    "connecting_tier2": {"en": "Please hold while we connect you with an Immigration Services Officer.",
                         "es": "Por favor, espere mientras le comunicamos con un oficial de servicios de inmigración."},
    "bye": {"en": "Thank you for calling. Goodbye.", "es": "Gracias por llamar. Adiós."},
    # The prompts the writer speaks on its own: faults and the hold line.
    "apology": {"en": "We are sorry: something went wrong on our side.",
                "es": "Lo sentimos: ocurrió un problema en nuestro sistema."},
    "apology_call_later": {"en": "Please call again later. Goodbye.", "es": "Por favor, llame más tarde. Adiós."},
    "connecting_tier1": {"en": "Please hold while we connect you with an agent.",
                         "es": "Por favor, espere mientras le comunicamos con un agente."},
    "hold": {"en": "Thank you for holding. You are number {position} in line.",
             "es": "Gracias por esperar. Usted es el número {position} en la fila."},
    "hold_wait": {"en": "The expected wait is about {minutes} minutes.",
                  "es": "El tiempo de espera aproximado es de {minutes} minutos."},
    "hold_wait_one": {"en": "The expected wait is about 1 minute.",
                      "es": "El tiempo de espera aproximado es de 1 minuto."},
    "hold_leave": {"en": "To leave the line and ask for a callback instead, press 1.",
                   "es": "Para salir de la fila y pedir que le devolvamos la llamada, oprima 1."},
}
HINTS = {"agent_words": {"en": ["agent", "representative"], "es": ["agente", "representante"]}}
MENU_WORDS = {"en": ("status",), "es": ("estado",)}
MUSIC = "https://media.example.gov/hold.mp3"
LANGS = pytest.mark.parametrize("lang", ["en", "es"])


def url(endpoint: str, **query) -> str:
    """A stand-in for Flask's url_for: the endpoint and its sorted query, free of `&` to escape."""
    return endpoint + "".join(f"/{key}={value}" for key, value in sorted(query.items()))


@pytest.fixture(scope="module")
def writer() -> TwimlWriter:
    """A writer over a small line: two voices, the prompts above, one target of each kind."""
    prompts = {pid: Prompt(pid, text, rate="slow" if pid == "number_read_back" else None)
               for pid, text in PROMPTS.items()}
    flowset = FlowSet(flows={}, prompts=prompts, voices=VOICE, entry="main.opening")
    targets = {"tier1": Target("queue", "tier1"), "tty": Target("queue", "tty"),
               "tier2": Target("number", "+12025550101"), "tier3": Target("sip", "sip:senior@agents.example.gov")}
    return TwimlWriter(flowset, targets, url, hints=lambda name, lang: HINTS[name][lang])


def canonical(xml: str) -> str:
    """The document in canonical XML (C14N 2.0): attribute order and `<a/>` vs `<a></a>` do not matter."""
    return ET.canonicalize(xml_data=xml, strip_text=True)


def assert_twiml(response, expected: str) -> None:
    """The writer's document is, element by element, the expected one."""
    assert canonical(str(response)) == canonical(f"<Response>{expected}</Response>")


def say(lang: str, prompt: str, **params) -> str:
    """The <Say> of a prompt in one language, with that language's voice and tag."""
    words = escape(PROMPTS[prompt][lang].format(**params))
    return f'<Say voice="{VOICE[lang]}" language="{TAG[lang]}">{words}</Say>'


def gather_action(lang: str, node: str) -> str:
    """Where a Gather posts, and where its silence redirects."""
    return f'voice.gather/lang={lang}/node={node}'


@LANGS
def test_a_single_key_menu_listens_for_speech_with_its_words_and_hints(writer, lang):
    end = Gather("main.main_menu", speech=True, words=MENU_WORDS[lang], hints="agent_words")
    hints = ", ".join([*MENU_WORDS[lang], *HINTS["agent_words"][lang]])
    action = gather_action(lang, "main.main_menu")
    assert_twiml(writer.render(Step(lang, (Say("main_menu"),), end)), f"""
        <Gather action="{action}" method="POST" timeout="6" numDigits="1" input="dtmf speech"
                language="{TAG[lang]}" speechTimeout="auto" speechModel="numbers_and_commands" hints="{hints}">
          {say(lang, "main_menu")}
        </Gather>
        <Redirect method="POST">{action}</Redirect>""")


@LANGS
def test_a_multi_digit_entry_without_speech_takes_keys_until_pound(writer, lang):
    end = Gather("callback.enter_phone", speech=False, max_digits=10, timeout=8)
    action = gather_action(lang, "callback.enter_phone")
    assert_twiml(writer.render(Step(lang, (Say("enter_phone"),), end)), f"""
        <Gather action="{action}" method="POST" timeout="8" finishOnKey="#" numDigits="10" input="dtmf">
          {say(lang, "enter_phone")}
        </Gather>
        <Redirect method="POST">{action}</Redirect>""")


@LANGS
def test_a_bilingual_prompt_is_said_once_per_language_in_its_own_voice(writer, lang):
    step = Step(lang, (Say("choose_language", bilingual=True),), Gather("main.opening", speech=False))
    action = gather_action(lang, "main.opening")
    assert_twiml(writer.render(step), f"""
        <Gather action="{action}" method="POST" timeout="6" numDigits="1" input="dtmf">
          <Say voice="Polly.Joanna-Neural" language="en-US">For English, press 1.</Say>
          <Say voice="Polly.Lupe-Neural" language="es-US">Para español, oprima 2.</Say>
        </Gather>
        <Redirect method="POST">{action}</Redirect>""")


DIGITS_202_555 = ('<say-as interpret-as="digits">2 0 2</say-as>, <say-as interpret-as="digits">5 5 5</say-as>.'
                  '</prosody></Say>')


@pytest.mark.parametrize(("lang", "read_back"), [
    ("en", f'<Say voice="Polly.Joanna-Neural" language="en-US"><prosody rate="slow">We will call {DIGITS_202_555}'),
    ("es", f'<Say voice="Polly.Lupe-Neural" language="es-US"><prosody rate="slow">Llamaremos al {DIGITS_202_555}'),
])
def test_a_prompt_with_a_rate_is_said_inside_prosody_and_speech_without_words_has_no_hints(writer, lang, read_back):
    says = (Say("number_read_back", {"phone_spoken": "2 0 2, 5 5 5"}), Say("confirm_number"))
    action = gather_action(lang, "callback.confirm_number")
    assert_twiml(writer.render(Step(lang, says, Gather("callback.confirm_number", speech=True))), f"""
        <Gather action="{action}" method="POST" timeout="6" numDigits="1" input="dtmf speech"
                language="{TAG[lang]}" speechTimeout="auto" speechModel="numbers_and_commands">
          {read_back}{say(lang, "confirm_number")}
        </Gather>
        <Redirect method="POST">{action}</Redirect>""")


@LANGS
@pytest.mark.parametrize(("tier", "hold"), [("tier1", "voice.hold/lang={lang}"),
                                            ("tty", "voice.hold/lang={lang}/silent=1")])
def test_a_transfer_to_a_queue_enqueues_with_its_hold_line(writer, lang, tier, hold):
    step = Step(lang, (Say("connecting_tier1"),), Transfer("common.agent_transfer", tier))
    action = f"voice.transfer_result/lang={lang}/node=common.agent_transfer"
    assert_twiml(writer.render(step), f"""
        {say(lang, "connecting_tier1")}
        <Enqueue action="{action}" method="POST" waitUrl="{hold.format(lang=lang)}"
                 waitUrlMethod="POST">{tier}</Enqueue>""")


@LANGS
@pytest.mark.parametrize(("tier", "dialled"), [("tier2", "<Number>+12025550101</Number>"),
                                               ("tier3", "<Sip>sip:senior@agents.example.gov</Sip>")])
def test_a_transfer_to_a_number_or_sip_dials_with_a_timeout(writer, lang, tier, dialled):
    step = Step(lang, (Say("connecting_tier2"),), Transfer("common.officer_transfer", tier))
    action = f"voice.transfer_result/lang={lang}/node=common.officer_transfer"
    assert_twiml(writer.render(step), f"""
        {say(lang, "connecting_tier2")}
        <Dial action="{action}" method="POST" timeout="30">{dialled}</Dial>""")


@LANGS
def test_a_hangup_says_its_prompts_then_hangs_up(writer, lang):
    assert_twiml(writer.render(Step(lang, (Say("bye"),), Hangup())), f'{say(lang, "bye")}<Hangup/>')


@LANGS
def test_the_apology_in_live_hours_reaches_an_agent_without_call_state(writer, lang):
    assert_twiml(writer.apology(lang, agents_open=True), f"""
        {say(lang, "apology")}{say(lang, "connecting_tier1")}
        <Enqueue action="voice.fault_transfer_result/lang={lang}" method="POST" waitUrl="voice.hold/lang={lang}"
                 waitUrlMethod="POST">tier1</Enqueue>""")


@LANGS
def test_the_apology_out_of_hours_says_goodbye(writer, lang):
    assert_twiml(writer.apology(lang, agents_open=False),
                 f'{say(lang, "apology")}{say(lang, "apology_call_later")}<Hangup/>')


@LANGS
@pytest.mark.parametrize(("agent_reached", "said"), [(True, False), (False, True)])
def test_after_a_fault_transfer_the_call_ends_politely_unless_an_agent_took_it(writer, lang, agent_reached, said):
    goodbye = say(lang, "apology_call_later") if said else ""
    assert_twiml(writer.after_fault_transfer(lang, agent_reached), f"{goodbye}<Hangup/>")


def hold_gather(lang: str, says: str) -> str:
    """The hold line's Gather: the caller may press 1 to leave the queue."""
    return (f'<Gather input="dtmf" numDigits="1" timeout="1" method="POST" action="voice.leave_queue/lang={lang}">'
            f'{says}</Gather>')


HOLD_POSITION, HOLD_WAIT = ("hold", {"position": "3"}), ("hold_wait", {"minutes": "5"})


@LANGS
@pytest.mark.parametrize(("position", "average_wait", "heard"), [
    ("3", "300", [HOLD_POSITION, HOLD_WAIT]),
    ("3", "", [HOLD_POSITION]),
    ("", "300", [HOLD_WAIT]),
    ("", "20", []),  # under a minute: not worth saying
    ("", "80", [("hold_wait_one", {})]),  # "1 minute", never "1 minutes"
    ("", "soon", []),
    ("", "", []),
])
@pytest.mark.parametrize(("music", "after"), [(MUSIC, f"<Play>{MUSIC}</Play>"), ("", '<Pause length="20"/>')])
def test_hold_says_what_it_knows_offers_to_leave_then_plays_music_or_pauses(
        writer, lang, position, average_wait, heard, music, after):
    says = "".join(say(lang, prompt, **params) for prompt, params in heard) + say(lang, "hold_leave")
    assert_twiml(writer.hold(lang, position, average_wait, music), hold_gather(lang, says) + after)


@LANGS
def test_the_tty_hold_line_is_silent(writer, lang):
    assert_twiml(writer.hold(lang, "3", "300", MUSIC, spoken=False), '<Pause length="20"/>')


@pytest.mark.parametrize(("document", "expected"), [
    ("empty", ""),
    ("hangup", "<Hangup/>"),
    ("leave_queue", "<Leave/>"),
])
def test_the_documents_without_words(writer, document, expected):
    assert_twiml(getattr(writer, document)(), expected)


@LANGS
def test_each_read_back_says_its_own_number_however_often_the_prompt_is_said(writer, lang):
    for spoken, digits in [("2 0 2, 5 5 5", ("2 0 2", "5 5 5")), ("8 0 8, 9 6 8", ("8 0 8", "9 6 8"))]:
        step = Step(lang, (Say("number_read_back", {"phone_spoken": spoken}), Say("confirm_number")),
                    Gather("callback.confirm_number", speech=True))
        document = ET.fromstring(writer.render_text(step, None, ""))
        assert tuple(part.text for part in document.iter("say-as")) == digits


QUOTED = {"reason": 'case status > "agent" & more', "language": "es"}


@pytest.mark.parametrize("document", [
    lambda w: w.render(Step("es", (Say("main_menu"), Say("bye")), Hangup())),
    lambda w: w.render(Step("en", (Say("main_menu"),), Gather("main.main_menu", speech=True,
                                                              words=("status", "it's"), hints="agent_words"))),
    lambda w: w.render(Step("es", (Say("connecting_tier1"),), Transfer("common.agent_transfer", "tier1", QUOTED))),
    lambda w: w.render(Step("es", (Say("connecting_tier2"),), Transfer("common.officer_transfer", "tier2", QUOTED))),
    lambda w: w.hold("es", "3", "300", MUSIC),
    lambda w: w.whisper(QUOTED),
    lambda w: w.empty(),
], ids=["spanish", "gather", "task", "whisper_url", "hold", "whisper", "empty"])
def test_the_text_of_a_document_is_the_one_the_library_writes(writer, document):
    assert document_text(document(writer)) == str(document(writer))


def imported_modules(source: str):
    """Every module (or module.name) a Python source imports."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_only_the_writer_imports_twilio_twiml():
    importers = {path.relative_to(ROOT).as_posix() for path in (ROOT / "ivr").rglob("*.py")
                 if any(name.startswith("twilio.twiml") for name in imported_modules(path.read_text()))}
    assert importers == {"ivr/twiml.py"}
