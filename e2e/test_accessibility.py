"""WCAG 2.1 A and AA (BITV 2.0) on every page the flows visit: axe-core 4.x,
in German and English, at desktop and phone width, plus no horizontal
scrolling. All problems of one walk are reported together."""

import pytest

from a11y import (axe_version, axe_violations, describe_violations, empty_error_summaries,
                  horizontal_overflow)
from browser import DESKTOP, PHONE
from tour import tour


def test_axe_core_4_runs_and_finds_a_planted_violation(browser, base_url):
    browser.get(base_url + "/")
    assert axe_version(browser).startswith("4.")
    assert axe_violations(browser) == []

    browser.execute_script(
        "const image = document.createElement('img'); image.src = '/static/none.png';"
        "document.getElementById('main').appendChild(image);")

    assert "image-alt" in [violation["id"] for violation in axe_violations(browser)]


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_meets_wcag_21_aa(open_browser, portal, language, width):
    browser = open_browser(width=width)
    problems, visited = [], []

    for stop in tour(browser, portal, language):
        visited.append(stop.name)
        where = f"{stop.name} ({stop.page.current_path}, {language}, {width} px)"
        violations = axe_violations(browser)
        if violations:
            problems.append(f"{where}: {len(violations)} axe violation(s)\n{describe_violations(violations)}")
        if empty_error_summaries(browser):
            problems.append(f"{where}: an error summary without errors")
        overflow = horizontal_overflow(browser)
        if overflow:
            problems.append(f"{where}: scrolls sideways {overflow}")

    assert len(visited) >= 10, visited
    assert not problems, "\n\n".join(problems)
