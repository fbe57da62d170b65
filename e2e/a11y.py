"""Accessibility checks run inside the browser: axe-core 4.x and layout probes.

axe-core comes from the axe-playwright-python package (PyPI), which ships it as
a plain axe.min.js; selenium injects it through WebDriver, which the page's
Content-Security-Policy does not restrict. (axe-selenium-python carries
axe-core 3.1, which knows no WCAG 2.1 rules.)
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@lru_cache(maxsize=1)
def axe_source() -> str:
    import axe_playwright_python
    return (Path(os.path.dirname(axe_playwright_python.__file__)) / "axe.min.js").read_text(encoding="utf-8")


def axe_version(driver: WebDriver) -> str:
    _inject(driver)
    return driver.execute_script("return axe.version;")


def _inject(driver: WebDriver) -> None:
    if not driver.execute_script("return typeof window.axe === 'object';"):
        driver.execute_script(axe_source())


def axe_violations(driver: WebDriver) -> list[dict]:
    """Violations of the WCAG 2.0/2.1 A and AA rules on the current page."""
    _inject(driver)
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(result => done(result.violations))
          .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), helpUrl: '', nodes: []}]));
        """,
        WCAG_TAGS)
    return result


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  [{violation.get('impact')}] {violation['id']}: {violation['help']} ({violation.get('helpUrl', '')})")
        for node in violation.get("nodes", [])[:8]:
            lines.append(f"      at {' '.join(map(str, node.get('target', [])))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"         {summary[:300]}")
    return "\n".join(lines)


def horizontal_overflow(driver: WebDriver) -> dict | None:
    """None if the page fits the viewport's width, else what sticks out."""
    return driver.execute_script(
        """
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) { return null; }
        const wide = [];
        for (const element of document.body.querySelectorAll('*')) {
          const box = element.getBoundingClientRect();
          if (box.right > root.clientWidth + 1 && wide.length < 5) {
            wide.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
                      (element.className ? '.' + String(element.className).split(' ').join('.') : '') +
                      ' right=' + Math.round(box.right));
          }
        }
        return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: wide};
        """)


def focus_indicator(driver: WebDriver) -> dict:
    """How the focused element shows its focus: outline and box-shadow."""
    return driver.execute_script(
        """
        const element = document.activeElement;
        const style = getComputedStyle(element);
        return {
          tag: element.tagName.toLowerCase(),
          id: element.id,
          text: (element.innerText || element.value || '').trim().slice(0, 60),
          href: element.getAttribute('href'),
          outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth) || 0,
          outlineColor: style.outlineColor,
          boxShadow: style.boxShadow,
          focusVisible: element.matches(':focus-visible'),
        };
        """)


def has_visible_focus(indicator: dict) -> bool:
    outline = indicator["outlineStyle"] not in ("none", "") and indicator["outlineWidth"] >= 2
    shadow = indicator["boxShadow"] not in ("none", "")
    return outline or shadow


MAX_TABS = 60


def tab_to(driver: WebDriver, wanted, seen: list[dict], backwards: bool = False) -> None:
    """Presses TAB (SHIFT+TAB) until `wanted(indicator)`; every stop must show its focus."""
    key = Keys.SHIFT + Keys.TAB if backwards else Keys.TAB
    for _ in range(MAX_TABS):
        driver.switch_to.active_element.send_keys(key)
        indicator = focus_indicator(driver)
        if indicator["tag"] == "body":
            continue
        seen.append(indicator)
        assert has_visible_focus(indicator), f"no visible focus on {indicator}"
        if wanted(indicator):
            return
    raise AssertionError(f"not reached with {MAX_TABS} TABs; focus went through {[i['text'] for i in seen]}")


def press(driver: WebDriver, key: str) -> None:
    """A key pressed on whatever has the focus (Keys.ENTER, Keys.SPACE, text)."""
    driver.switch_to.active_element.send_keys(key)


def press_enter(driver: WebDriver) -> None:
    press(driver, Keys.ENTER)


def empty_error_summaries(driver: WebDriver) -> int:
    """Error summaries without a single error: an alert announcing nothing
    (the ErrorSummary component renders nothing for no problems; this checks
    that every page keeps it that way)."""
    return driver.execute_script(
        "return [...document.querySelectorAll('.error-summary')]"
        ".filter(summary => !summary.querySelector('li')).length;")
