"""Text as US TTY tones: Baudot (ITA2 letters, US TTY figures) at 45.45 baud, 1400/1800 Hz FSK (ITU-T V.18).

A TTY reads 5-bit characters framed by a start bit (space, 1800 Hz) and at least 1.5 stop bits
(mark, 1400 Hz; we send 2, which every receiver takes), least significant bit first, switching
between a letters and a figures set with LTRS and FIGS. US TTYs fall back to letters after a
space ("unshift on space"), so the shift is sent again after every space whenever it matters.
"""

from __future__ import annotations

import io
import math
import unicodedata
import wave
from array import array

BAUD = 45.45
MARK_HZ, SPACE_HZ = 1400.0, 1800.0  # a 1 bit, a 0 bit
SAMPLE_RATE = 8000  # telephone audio
STOP_BITS = 2.0
LEAD_IN_SECONDS = 0.3  # steady mark before the first character, so the TTY locks on
AMPLITUDE = 0.6 * 32767

LTRS, FIGS, SPACE, CR, LF = 0x1F, 0x1B, 0x04, 0x08, 0x02
_LETTERS = {c: code for code, c in enumerate("\0E\nA SIU\rDRJNFCKTZLWHYPQOBG\0MXV\0") if c not in "\0\n\r "}
_FIGURES = {c: code for code, c in enumerate("\x003\n- \x0787\r$4',!:(5\")2#6019?&\0./;\0") if c not in "\0\n\r \x07"}


def tty_text(text: str) -> str:
    """The text as a TTY can show it: capitals, no accents, only the characters Baudot carries."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).upper()
    kept = "".join(c if c in _LETTERS or c in _FIGURES or c in " \n" else " " if c in "\t" else "" for c in plain)
    return " ".join(part for part in kept.split(" ") if part) if "\n" not in kept else kept


def baudot_codes(text: str) -> list[int]:
    """The 5-bit codes that send a text (see tty_text), LTRS first, shifts and CR LF included."""
    codes: list[int] = [LTRS]
    shift: int | None = LTRS
    for char in tty_text(text):
        if char == " ":
            codes.append(SPACE)
            shift = None  # the TTY may have unshifted: say the shift again before the next character
        elif char == "\n":
            codes += [CR, LF]
        else:
            wanted = LTRS if char in _LETTERS else FIGS
            if shift != wanted:
                codes.append(wanted)
                shift = wanted
            codes.append(_LETTERS[char] if wanted == LTRS else _FIGURES[char])
    return codes


def _bits(codes: list[int]) -> list[tuple[float, float]]:
    """(frequency, bit lengths) for each framed character: start, five data bits, stop."""
    frames: list[tuple[float, float]] = []
    for code in codes:
        frames.append((SPACE_HZ, 1.0))
        frames += [(MARK_HZ if code >> bit & 1 else SPACE_HZ, 1.0) for bit in range(5)]
        frames.append((MARK_HZ, STOP_BITS))
    return frames


def baudot_wav(text: str) -> bytes:
    """A WAV file (8 kHz, 16-bit mono) of the text's TTY tones, phase-continuous."""
    samples, phase, owed = array("h"), 0.0, 0.0
    for frequency, length in [(MARK_HZ, LEAD_IN_SECONDS * BAUD), *_bits(baudot_codes(text)), (MARK_HZ, 1.0)]:
        owed += length * SAMPLE_RATE / BAUD
        count, owed = int(owed), owed - int(owed)
        step = 2 * math.pi * frequency / SAMPLE_RATE
        for _ in range(count):
            samples.append(int(AMPLITUDE * math.sin(phase)))
            phase = (phase + step) % (2 * math.pi)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()
