"""A walk through every page the flows visit, in one language.

The accessibility and translation checks run on each stop. Pages of the member
area are found through the member navigation, so a section added by a later
issue is visited without touching this file; a page that is only reached
inside a flow (a registration step, a certificate request, ...) adds a stop
to `tour` below, next to the flow that reaches it.

A run makes several walks (German and English, 1280 and 360 px) on one
database, so each walk brings what it needs (new cards, its own e-mail
address, its own documents) and leaves Erika without a notification address,
as the demo data has her.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from selenium.webdriver.remote.webdriver import WebDriver

from case_worker import file_document, minimal_pdf, take_offline
from pages import (BEISPIEL_CARD, DUBOIS, ERIKA, NOWAK, SCHAEFER, WEISS, CertificatesPage, ConfirmEmailPage,
                   DevEIDPage, DevMailboxPage, DocumentsPage, InboxPage, Page, ProfilePage, StartPage, sign_in,
                   sign_in_with_card, unused_member_number)
from portal_server import PortalServer
from texts import t

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


# The letters a case worker files for each walk: one stays offline, one is requested back.
LETTERS = ("Schreiben zur Beitragsanpassung", "Schreiben zur Prüfung Ihrer Anschrift")


def tour(driver: WebDriver, portal: PortalServer, language: str) -> Iterator[Stop]:
    """Yields after arriving at each page; the caller checks what is shown."""
    base_url = portal.base_url
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

    yield from notification_settings(driver, base_url, language)
    yield from certificate_and_archive(driver, portal, language)

    yield Stop("not found (signed in)", Page(driver, base_url).open("/konto/gibt-es-nicht"))
    signed_out = dashboard.open().sign_out()
    yield Stop("start after sign-out", signed_out)
    yield Stop("not found", Page(driver, base_url).open("/gibt-es-nicht"))


def notification_settings(driver: WebDriver, base_url: str, language: str) -> Iterator[Stop]:
    """The profile's notification form with an error and with an address to
    confirm, the development mailbox, the confirmation page before and after
    the button. Erika is signed in; afterwards her address is removed again."""
    profile = ProfilePage(driver, base_url).open()
    profile.save_notifications("keine-adresse")
    assert profile.email_error(), "an implausible address should be refused with an error summary"
    yield Stop("notification settings with errors", profile)

    address = f"e2e-tour-{uuid.uuid4().hex[:12]}@example.org"
    profile.open().save_notifications(address)
    assert profile.pending_notice == t(language, "notifications.pending", address)
    yield Stop("notification settings, address to confirm", profile)

    mailbox = DevMailboxPage(driver, base_url).open()
    link = mailbox.newest_mail_to(address).link(ConfirmEmailPage.path)
    yield Stop("development mailbox", mailbox)

    driver.get(link)
    confirmation = ConfirmEmailPage(driver, base_url)
    assert confirmation.confirm_button(), "the link should ask for the button"
    yield Stop("e-mail confirmation", confirmation)
    confirmation.confirm()
    assert confirmation.notice == t(language, "notifications.confirmed")
    yield Stop("e-mail confirmed", confirmation)

    profile.open().save_notifications("")
    assert profile.email == "" and profile.pending_notice is None


def certificate_and_archive(driver: WebDriver, portal: PortalServer, language: str) -> Iterator[Stop]:
    """A certificate request while it waits and once it is ready, the archive
    with an offline and a requested document, and an opened inbox message.
    The worker would leave "queued" and "requested" within milliseconds, so
    the portal runs without it while those pages are checked."""
    base_url = portal.base_url
    letters = [file_document(portal, ERIKA.member_number, minimal_pdf(title), "letter", title) for title in LETTERS]
    for document_id in letters:
        take_offline(portal, document_id)

    with portal.worker_stopped():
        status = CertificatesPage(driver, base_url).open().request("membership")
        assert status.state == "queued", status.state
        status_url = driver.current_url
        yield Stop("certificate queued", status.hold_still())

        documents = DocumentsPage(driver, base_url).open().request(letters[0])
        statuses = [row.status for row in documents.rows()]
        assert t(language, "documents.status.requested") in statuses, statuses
        assert documents.rows()[documents.index_of(letters[1])].status == t(language, "documents.status.offline")
        yield Stop("documents, one offline and one requested", documents)

    driver.get(status_url)
    yield Stop("certificate ready", status.wait_until("ready"))

    inbox = InboxPage(driver, base_url).open()
    message = inbox.open_message(t(language, "inbox.document.provided.subject", LETTERS[0]))
    assert message.document_link, "a message about a document should link it"
    yield Stop("inbox message", message)
