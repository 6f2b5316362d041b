"""Baudot TTY tones: ITA2 letters and US TTY figures, shifts, framing, and a decode by minimodem."""

from __future__ import annotations

import io
import wave

import pytest

from ivr.domain.baudot import BAUD, FIGS, LTRS, SAMPLE_RATE, SPACE, baudot_codes, baudot_wav, tty_text
from tests.tty_decoder import decode_tty


@pytest.mark.parametrize(("text", "shown"), [
    ("Press 1.", "PRESS 1."),
    ("Para español, oprima 2.", "PARA ESPANOL, OPRIMA 2."),
    ("¿Le llamamos?", "LE LLAMAMOS?"),
    ("Call 800-767-1833 or 711", "CALL 800-767-1833 OR 711"),
    ("50% off *now* @home", "50 OFF NOW HOME"),  # what Baudot cannot carry is left out
])
def test_text_becomes_what_a_tty_can_show(text, shown):
    assert tty_text(text) == shown


def test_letters_and_figures_are_shifted_and_the_shift_is_repeated_after_a_space():
    assert baudot_codes("E3") == [LTRS, 0x01, FIGS, 0x01]
    assert baudot_codes("3 3 E") == [LTRS, FIGS, 0x01, SPACE, FIGS, 0x01, SPACE, LTRS, 0x01]


def test_the_audio_is_telephone_wav_at_45_45_baud():
    with wave.open(io.BytesIO(baudot_wav("HELLO"))) as audio:
        assert (audio.getnchannels(), audio.getsampwidth(), audio.getframerate()) == (1, 2, SAMPLE_RATE)
        bits = (len(baudot_codes("HELLO")) * 8 + 1) + 0.3 * BAUD  # 8 bit times a character, a lead-in, a tail
        assert audio.getnframes() == pytest.approx(bits * SAMPLE_RATE / BAUD, abs=2)


@pytest.mark.parametrize("text", [
    "TTY AGENTS ARE NOT AVAILABLE NOW. FOR A CALLBACK IN ENGLISH, PRESS 1.",
    "Los agentes de TTY no están disponibles ahora. Para español, oprima 2.",
    "Call 800-767-1833 or 711 at 9:30 (Eastern); $5 & \"OK\"? Yes! 3/4 #2 'A'",
])
def test_an_independent_decoder_reads_the_tones_back_to_the_text(text):
    assert decode_tty(baudot_wav(text)).strip() == tty_text(text)
