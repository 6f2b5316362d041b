"""The agency's Spanish glossary (call_flows/glossary.toml): one term for each thing, and the others to avoid."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

GLOSSARY_FILE = "glossary.toml"


@dataclass(frozen=True)
class Term:
    """One thing the agency names: its English, the Spanish callers hear, and wordings to avoid."""

    en: str
    es: str
    avoid: tuple[str, ...]


class GlossaryError(ValueError):
    """A glossary file that cannot be read, with the line it fails at (1 when unknown)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line


def read_glossary(path: Path) -> list[Term]:
    """The terms of a glossary file; GlossaryError when it is not a valid one."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(1, f"cannot read the glossary: {error}") from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        raise GlossaryError(int(found.group(1)) if found else 1, f"invalid TOML: {error}") from None
    terms = data.get("term")
    if not isinstance(terms, list) or not terms:
        raise GlossaryError(1, "the glossary needs [[term]] entries with en, es and avoid")
    return [_term(number, entry) for number, entry in enumerate(terms, 1)]


def _term(number: int, entry: object) -> Term:
    """One [[term]] entry, checked."""
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("en", "es")):
        raise GlossaryError(1, f"term {number} needs text `en` and `es`")
    avoid = entry.get("avoid", [])
    if not isinstance(avoid, list) or not all(isinstance(a, str) and a.strip() for a in avoid):
        raise GlossaryError(1, f"term {number} ('{entry['es']}'): `avoid` must be a list of texts")
    return Term(entry["en"], entry["es"], tuple(avoid))


def _fold(text: str) -> str:
    """Text without accents, in lower case: how a caller hears a written word regardless of spelling."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def misused(terms: list[Term], text: str) -> list[tuple[str, Term]]:
    """The avoided wordings a Spanish text uses, each with the term to use instead."""
    found = []
    for term in terms:
        for wording in term.avoid:
            # Accents do not make a wording right ("datos biometricos"), except where the accent is
            # the very difference from the agency's term ("Los Angeles" for "Los Ángeles").
            exact = _fold(wording) == _fold(term.es)
            haystack, needle = (text.lower(), wording.lower()) if exact else (_fold(text), _fold(wording))
            if re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
                found.append((wording, term))
    return found
