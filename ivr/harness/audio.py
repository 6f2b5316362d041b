"""A call rendered to sound with espeak-ng, so a person can listen to a flow in either language."""

from __future__ import annotations

import math
import shutil
import subprocess
import tempfile
import wave
from array import array
from pathlib import Path

from ivr.harness.transcripts import transcript_lines

RATE = 22050  # espeak-ng writes 16-bit mono WAV at this rate; tones and pauses are made to match
VOICES = {"en": "en-us", "es": "es"}
CALLER_PITCH = "75"  # the caller's words in a higher voice than the IVR's, to tell them apart
DTMF = {
    "1": (697, 1209), "2": (697, 1336), "3": (697, 1477), "4": (770, 1209), "5": (770, 1336),
    "6": (770, 1477), "7": (852, 1209), "8": (852, 1336), "9": (852, 1477), "*": (941, 1209),
    "0": (941, 1336), "#": (941, 1477),
}


def espeak() -> str | None:
    """The espeak-ng program, or None when it is not installed."""
    return shutil.which("espeak-ng")


def pause(seconds: float) -> array:
    """Silence."""
    return array("h", bytes(2 * int(RATE * seconds)))


def tones(keys: str) -> array:
    """The keypad tones of the keys pressed (0.15 s each, 0.1 s apart)."""
    samples = array("h")
    for key in keys:
        low, high = DTMF.get(key, (0, 0))
        samples.extend(int(8000 * (math.sin(2 * math.pi * low * n / RATE) + math.sin(2 * math.pi * high * n / RATE)))
                       for n in range(int(RATE * 0.15)))
        samples.extend(pause(0.1))
    return samples


def spoken(program: str, text: str, lang: str, workdir: Path, pitch: str = "50") -> array:
    """The words spoken by espeak-ng in a language's voice (text on stdin: never read as options)."""
    path = workdir / "line.wav"
    subprocess.run([program, "-v", VOICES.get(lang, "en-us"), "-p", pitch, "-w", str(path), "--stdin"],
                   input=text.encode("utf-8"), check=True, capture_output=True, timeout=60)
    with wave.open(str(path), "rb") as sound:
        return array("h", sound.readframes(sound.getnframes()))


def render_call(program: str, call, caller_lang: str, out: Path) -> Path:
    """One WAV of the whole call: prompts in their voices, the caller's keys as tones, silences as pauses."""
    samples = array("h")
    with tempfile.TemporaryDirectory() as workdir:
        for who, what, language in transcript_lines(call):
            if who == "ivr" and not what.startswith("[audio"):
                samples.extend(spoken(program, what, (language or "en")[:2], Path(workdir)))
            elif who == "caller pressed":
                samples.extend(tones(what))
            elif who == "caller said":
                samples.extend(spoken(program, what, caller_lang, Path(workdir), CALLER_PITCH))
            elif who == "caller":
                samples.extend(pause(2.0))
            samples.extend(pause(0.4))
    with wave.open(str(out), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(RATE)
        sound.writeframes(samples.tobytes())
    return out
