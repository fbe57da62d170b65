"""Well-formed markup on every page of the tour: HTML Tidy 5 (HTML5-aware,
Debian's `tidy`, installed by scripts/deps/html-tools.sh) reads the bytes the
portal sent for each page, in German and English, and any error or warning
fails the test. The browser's DOM would hide the mistakes (it repairs
unclosed and misnested elements), so each stop's URL is fetched again from
inside the page, with its cookies. A stop reached by a POST (a form shown
again with its errors) is checked in its GET state; the components that
render errors are the same on every page (Sources/PortalWeb/Views/Components)
and the Swift tests render them with errors."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from browser import DESKTOP
from tour import tour

TIDY = shutil.which("tidy")

# HTML Tidy 5.6 (Debian 12) predates three HTML5 features the portal uses:
# `aria-current` (WAI-ARIA 1.1) and `inputmode` count as "proprietary", and a
# `div` grouping a `dt` with its `dd`s inside `dl` (HTML 5.2, GOV.UK's summary
# list) reads as a `dl` nested wrongly. Only these are let through: the two
# warnings by their exact text, the groups by unwrapping them before the check.
KNOWN_GAPS = ('proprietary attribute "aria-current"', 'proprietary attribute "inputmode"')
DL = re.compile(r"(<dl\b[^>]*>)(.*?)(</dl>)", re.DOTALL)


def without_dl_groups(document: str) -> str:
    return DL.sub(lambda match: match[1] + re.sub(r"</?div>", "", match[2]) + match[3], document)


def sent_document(driver) -> str:
    """The page's markup as the server sends it: the same URL fetched again
    from inside the page (same cookies, same session), not the browser's
    repaired DOM."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})"
        ".then(response => response.text()).then(done, error => done('fetch failed: ' + error));")


def tidy_problems(document: str) -> list[str]:
    """Tidy's errors and warnings; empty for a well-formed HTML5 document."""
    result = subprocess.run([TIDY, "-errors", "-quiet", "-utf8"],
                            input=without_dl_groups(document).encode("utf-8"), capture_output=True, timeout=30)
    if result.returncode == 0:
        return []
    lines = result.stderr.decode("utf-8", "replace").splitlines()
    return [line for line in lines if line.strip() and not any(gap in line for gap in KNOWN_GAPS)]


def test_tidy_finds_a_planted_mistake():
    assert TIDY, "tidy is missing: run scripts/deps/html-tools.sh (scripts/test does)"
    well_formed = ("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>t</title></head>"
                   "<body><main id=\"main\"><p>Text</p></main></body></html>\n")
    assert tidy_problems(well_formed) == []
    assert tidy_problems(well_formed.replace("<p>Text</p>", "<p>Text</div>")) != []
    assert tidy_problems(well_formed.replace("<p>Text</p>", "<p id=\"a\">1</p><p id=\"a\">2</p>")) != []
    assert tidy_problems(well_formed.replace("<p>Text</p>", "<dl><div><dt>a</dt><dd>b</dd></div></dl>")) == []
    assert tidy_problems(well_formed.replace("<p>Text</p>", "<dl><div><dt>a</dt><dd><span>b</dd></div></dl>")) != []


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_of_the_tour_is_well_formed_html(open_browser, portal, language):
    assert TIDY, "tidy is missing: run scripts/deps/html-tools.sh (scripts/test does)"
    browser = open_browser(width=DESKTOP)
    problems, visited = [], []

    for stop in tour(browser, portal, language):
        visited.append(stop.name)
        found = tidy_problems(sent_document(browser))
        if found:
            where = f"{stop.name} ({stop.page.current_path}, {language})"
            problems.append(f"{where}:\n  " + "\n  ".join(found))

    assert len(visited) >= 10, visited
    assert not problems, "\n\n".join(problems)
