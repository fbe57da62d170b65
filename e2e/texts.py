"""The portal's text catalogues, so tests name texts by key, not by wording."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LOCALIZATION = Path(__file__).resolve().parent.parent / "Resources" / "Localization"
LANGUAGES = ("de", "en")
# What the portal renders in place of a key missing from a catalogue.
UNTRANSLATED_MARKER = "⟦"


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, str]:
    return json.loads((LOCALIZATION / f"{language}.json").read_text(encoding="utf-8"))


def t(language: str, key: str, *arguments: object) -> str:
    """The text as the portal renders it, placeholders {0}, {1} … filled in."""
    text = catalogue(language)[key]
    return re.sub(r"\{(\d+)\}", lambda match: str(arguments[int(match.group(1))]), text)
