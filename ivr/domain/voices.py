"""The Twilio text-to-speech voices we know, and the language each one speaks."""

from __future__ import annotations

# Amazon Polly voices Twilio offers, by the language they speak.
POLLY = {
    "Joanna": "en-US", "Matthew": "en-US", "Salli": "en-US", "Kendra": "en-US", "Kimberly": "en-US",
    "Ivy": "en-US", "Joey": "en-US", "Justin": "en-US", "Kevin": "en-US", "Ruth": "en-US",
    "Stephen": "en-US", "Lupe": "es-US", "Penelope": "es-US", "Miguel": "es-US", "Pedro": "es-US",
    "Mia": "es-MX", "Andres": "es-MX", "Conchita": "es-ES", "Lucia": "es-ES", "Enrique": "es-ES",
}



def voice_language(voice: str) -> str | None:
    """The language a Twilio voice speaks, when the voice names one we know."""
    if voice.startswith("Polly."):
        return POLLY.get(voice[len("Polly."):].split("-")[0])
    if voice.startswith("Google."):
        return "-".join(voice[len("Google."):].split("-")[:2])
    return None
