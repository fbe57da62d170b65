"""Fixtures of the browser tests: one portal for the run, browsers per test.

`portal` starts the real binary once per run (see portal_server.py);
`open_browser(width=..., javascript=...)` opens as many headless chromium
windows as a test needs and closes them afterwards. When a test fails, the
screenshot and HTML of every window it opened land in .build/e2e-logs/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import DESKTOP, BrowserSettings, full_page_screenshot, new_driver
from pages import ERIKA, Page, sign_in
from portal_server import REPOSITORY, PortalServer

LOG_DIR = REPOSITORY / ".build" / "e2e-logs"


@pytest.fixture(scope="session")
def portal():
    server = PortalServer(log_dir=LOG_DIR).start()
    print(f"\nportal {server.binary} on {server.base_url} (log: {server.log_path})")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(portal) -> str:
    return portal.base_url


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def open_browser(request):
    drivers = []

    def open_(width: int = DESKTOP, javascript: bool = True):
        driver = new_driver(BrowserSettings(width=width, javascript=javascript))
        drivers.append(driver)
        return driver

    yield open_
    report = getattr(request.node, "report_call", None)
    failed = report is not None and report.failed
    for number, driver in enumerate(drivers):
        if failed:
            _keep_evidence(driver, request.node.nodeid, number)
        driver.quit()


def _keep_evidence(driver, nodeid: str, number: int) -> None:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid) + f"-{number}"
    try:
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        (LOG_DIR / f"{stem}.html").write_text(driver.page_source, encoding="utf-8")
        full_page_screenshot(driver, LOG_DIR / f"{stem}.png")
    except Exception as error:  # evidence is best effort; the failure itself is reported already
        print(f"could not keep evidence for {nodeid}: {error}")


@pytest.fixture
def browser(open_browser):
    """A desktop-width chromium with JavaScript on."""
    return open_browser()


@pytest.fixture
def erika(browser, base_url) -> Page:
    """Erika Mustermann signed in, on her dashboard."""
    return sign_in(browser, base_url, ERIKA)
