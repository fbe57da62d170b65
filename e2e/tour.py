"""A walk through every page the flows visit, in one language.

The accessibility and translation checks run on each stop. Pages of the member
area are found through the member navigation, so a section added by a later
issue is visited without touching this file; a page that is only reached
inside a flow (a registration step, a certificate request, ...) adds a stop
to `tour` below, next to the flow that reaches it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from selenium.webdriver.remote.webdriver import WebDriver

from pages import (BEISPIEL_CARD, DUBOIS, ERIKA, NOWAK, SCHAEFER, WEISS, DevEIDPage, Page,
                   StartPage, sign_in, sign_in_with_card, unused_member_number)

# Whose card (with only the year of birth) goes to review in each walk: the
# walks take turns, so no member number nears the limit of 5 registrations
# in 24 hours over a run.
_REVIEW_MEMBERS = itertools.cycle([DUBOIS, WEISS, SCHAEFER, NOWAK])


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

    # Registration: every walk brings new cards (registrations stay for the run).
    registration = sign_in_with_card(driver, base_url, BEISPIEL_CARD.fresh("tour"))
    yield Stop("registration", registration)
    registration.register("", consent=False)
    assert registration.error_links(), "an empty registration should be refused with an error summary"
    yield Stop("registration with errors", registration)
    registration.register(unused_member_number())
    assert registration.state == "pending", registration.state
    yield Stop("registration pending", registration.hold_still())
    registration.wait_until_decided(("rejected",), refresh=True)
    yield Stop("registration rejected", registration)

    member = next(_REVIEW_MEMBERS)
    registration = sign_in_with_card(driver, base_url, member.partial_card().fresh("tour"))
    registration.register(member.member_number)
    registration.wait_until_decided(("review",), refresh=True)
    yield Stop("registration review", registration)

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
