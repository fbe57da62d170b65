"""Both languages, complete: the catalogues and the rendered pages."""

import re
from pathlib import Path

import pytest

from browser import DESKTOP
from texts import LANGUAGES, UNTRANSLATED_MARKER, catalogue
from tour import tour

# The targets whose pages and texts name catalogue keys (docs/architecture.md).
SOURCES = [Path(__file__).resolve().parent.parent / "Sources" / target
           for target in ("PortalCore", "PortalWeb", "PortalMember", "PortalBackOffice")]
PLACEHOLDER = re.compile(r"\{\d+\}")


def test_catalogues_have_the_same_keys_and_no_empty_text():
    german, english = catalogue("de"), catalogue("en")
    assert set(german) - set(english) == set(), "missing in en.json"
    assert set(english) - set(german) == set(), "missing in de.json"
    for language in LANGUAGES:
        empty = [key for key, text in catalogue(language).items() if not text.strip()]
        assert not empty, f"empty texts in {language}.json: {empty}"


def test_catalogues_use_the_same_placeholders():
    german, english = catalogue("de"), catalogue("en")
    different = [key for key in german
                 if sorted(PLACEHOLDER.findall(german[key])) != sorted(PLACEHOLDER.findall(english[key]))]
    assert not different, different


def test_every_key_named_in_a_view_exists():
    named = set()
    for source in (file for target in SOURCES for file in target.rglob("*.swift")):
        named |= set(re.findall(r'\bt\("([A-Za-z0-9_.]+)"', source.read_text(encoding="utf-8")))
    assert "registration.submit" in named, "no t(\"…\") found in the views: has the view syntax changed?"
    missing = sorted(named - set(catalogue("de")))
    assert not missing, f"keys used in views but missing from the catalogues: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_pages_are_fully_translated(open_browser, portal, language):
    browser = open_browser(width=DESKTOP)
    problems = []

    for stop in tour(browser, portal, language):
        where = f"{stop.name} ({stop.page.current_path})"
        if stop.page.language != language:
            problems.append(f"{where}: <html lang={stop.page.language!r}>, expected {language!r}")
        source = browser.page_source
        if UNTRANSLATED_MARKER in source:
            start = source.index(UNTRANSLATED_MARKER)
            problems.append(f"{where}: untranslated key {source[start:start + 60]!r}")
        if not browser.title.strip():
            problems.append(f"{where}: empty <title>")

    assert not problems, "\n".join(problems)
