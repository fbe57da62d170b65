"""A walk through every page the flows visit, in one language.

The accessibility and translation checks run on each stop. Pages of the member
area are found through the member navigation, so a section added by a later
issue is visited without touching this file; a page that is only reached
inside a flow (a registration step, a certificate request, ...) adds a stop
to `tour` below, next to the flow that reaches it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from selenium.webdriver.remote.webdriver import WebDriver

from pages import (ERIKA, UNKNOWN, DevEIDPage, Page, RegistrationPage, StartPage,
                   sign_in)


@dataclass
class Stop:
    name: str
    page: Page


def choose_language(page: Page, language: str) -> Page:
    if page.language != language:
        page.switch_language()
    assert page.language == language
    return page


def tour(driver: WebDriver, base_url: str, language: str) -> Iterator[Stop]:
    """Yields after arriving at each page; the caller checks what is shown."""
    start = choose_language(StartPage(driver, base_url).open(), language)
    yield Stop("start", start)

    for path in start.footer_links():
        yield Stop(path, Page(driver, base_url).open(path))

    simulator = StartPage(driver, base_url).open().start_sign_in()
    yield Stop("dev eID simulator", simulator)
    simulator.submit_identity()
    simulator.wait_for_path(DevEIDPage.path)
    assert simulator.error_links(), "an empty identity should be refused with an error summary"
    yield Stop("dev eID simulator with errors", simulator)

    registration = sign_in(driver, base_url, UNKNOWN)
    assert isinstance(registration, RegistrationPage)
    yield Stop("registration", registration)

    dashboard = sign_in(driver, base_url, ERIKA)
    assert dashboard.language == language, "the language chosen before sign-in should stay"
    yield Stop("dashboard", dashboard)
    for _, path in dashboard.nav_links():
        if path != dashboard.path:
            yield Stop(path, Page(driver, base_url).open(path))

    yield Stop("not found (signed in)", Page(driver, base_url).open("/konto/gibt-es-nicht"))
    signed_out = dashboard.open().sign_out()
    yield Stop("start after sign-out", signed_out)
    yield Stop("not found", Page(driver, base_url).open("/gibt-es-nicht"))
