"""Page objects: what a person sees and does on each page of the portal.

Tests speak in these terms ("sign in as Erika", "open the profile") and never
spell selectors themselves, so a template change is fixed in one place. A new
feature adds its page class here (and, if it is reachable for a signed-in
member, appears in the member navigation, which the accessibility tour visits
on its own).
"""

from __future__ import annotations

import itertools
import re
import time
import uuid
from dataclasses import asdict, dataclass, replace
from urllib.parse import urlsplit

import requests
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from texts import t

WAIT_SECONDS = 15


@dataclass(frozen=True)
class StockIdentity:
    """An identity of the development eID simulator and what the portal knows of it."""
    stock: str
    given_names: str
    family_name: str
    member_number: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.given_names} {self.family_name}"


ERIKA = StockIdentity("erika", "Erika", "Mustermann", "10001/01")
UNKNOWN = StockIdentity("unknown", "Max", "Beispiel")
LYSKY = StockIdentity("lysky", "Hans-Günther", "Graf v. Lýsky")  # no account: leads to the registration form


@dataclass(frozen=True)
class Card:
    """An identity typed into the simulator's free-form form.

    Registrations persist in the portal's database for the whole run, so a
    test that registers needs a card the portal has never seen: `fresh()`
    gives the same person a new pseudonym (a new card).
    """
    family_names: str
    given_names: str
    date_of_birth: str
    birth_name: str = ""
    academic_title: str = ""
    document_type: str = "ID"
    issuing_state: str = "D"
    pseudonym: str = ""

    def fresh(self, label: str = "card") -> "Card":
        return replace(self, pseudonym=f"e2e-{label}-{uuid.uuid4().hex[:16]}")

    def fields(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class DemoMember:
    """A stock member of the demo data (Sources/PortalCore/Demo/DemoMembers.swift)
    and a card that matches the record."""
    member_number: str
    given_names: str
    family_name: str
    date_of_birth: str  # as the profile shows it
    card: Card
    degree: str | None = None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.degree, self.given_names, self.family_name) if part)

    def partial_card(self) -> Card:
        """The same person with only the year of birth on the card: goes to case-worker review."""
        return replace(self.card, date_of_birth=self.card.date_of_birth[:4])


# The stock identity `lysky` and the members the other tests register as.
GRAF_LYSKY = DemoMember("10003/01", "Hans-Günther", "Graf von Lýsky", "01.03.1946",
                        Card("GRAF V. LÝSKY", "HANS-GÜNTHER", "1946-03-01", academic_title="DR.HC."),
                        degree="Dr. h.c.")
SCHAEFER = DemoMember("10004/01", "Jürgen Friedrich", "Schäfer", "30.11.1958",
                      Card("SCHÄFER", "JÜRGEN FRIEDRICH", "1958-11-30", academic_title="DR."), degree="Dr.")
NOWAK = DemoMember("10005/02", "Zofia", "Nowak", "14.02.1941", Card("NOWAK", "ZOFIA", "1941-02-14"))
DUBOIS = DemoMember("10006/01", "Marie-Claire", "Dubois", "09.06.1975",
                    Card("DUBOIS", "MARIE-CLAIRE", "1975-06-09", birth_name="LEFÈVRE", issuing_state="F",
                         document_type="EIDAS"))
WEISS = DemoMember("10007/01", "Thomas", "Weiß", "21.01.1970", Card("WEISS", "THOMAS", "1970-01-21"))
# The stock identity `agca`: her card holds only the year of birth, so she goes to review.
OZMEN = DemoMember("10002/01", "Ağça", "Özm̂en", "17.05.1989",
                   Card("ÖZM̂EN", "AĞÇA", "1989", document_type="AR"))
# The stock identity `unknown`: no member of the fund.
BEISPIEL_CARD = Card("BEISPIEL", "MAX", "1980-01-01")

_unused_numbers = itertools.count(1)


def unused_member_number() -> str:
    """A well-formed member number no demo member has, new for each call.

    The portal allows 5 registrations per member number in 24 hours, and
    numbers that do not exist count too; a new number per use keeps the
    run's many rejected registrations from reaching that limit."""
    return f"{90000 + next(_unused_numbers)}/01"


class Page:
    """The frame every page shares: header, language switch, navigation, footer."""
    path = "/"

    def __init__(self, driver: WebDriver, base_url: str):
        self.driver = driver
        self.base_url = base_url

    # Navigation -----------------------------------------------------------
    def open(self, path: str | None = None):
        self.driver.get(self.base_url + (path if path is not None else self.path))
        return self

    def wait_for_path(self, path: str, timeout: float = WAIT_SECONDS):
        WebDriverWait(self.driver, timeout).until(lambda driver: self.current_path == path)
        return self

    def as_page(self, page_class: type["Page"]):
        page = page_class(self.driver, self.base_url)
        page.wait_for_path(page.path)
        return page

    def data_attribute(self, selector: str, name: str) -> str | None:
        """The attribute `name` of the first element matching `selector`; None
        when there is none or the page is being replaced just now."""
        try:
            return self.driver.execute_script(
                "const element = document.querySelector(arguments[0]);"
                "return element ? element.getAttribute(arguments[1]) : null;", selector, name)
        except WebDriverException:
            return None

    def click_to_load(self, element: WebElement, timeout: float = WAIT_SECONDS) -> None:
        """Clicks a link or submit button and waits until the next page has
        replaced this one (a form posting to its own URL keeps the path, so
        waiting for a path alone would race)."""
        old_page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, timeout).until(lambda driver: _is_stale(old_page))
        WebDriverWait(self.driver, timeout).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")

    @property
    def current_path(self) -> str:
        return urlsplit(self.driver.current_url).path

    @property
    def current_query(self) -> str:
        return urlsplit(self.driver.current_url).query

    # What is shown -------------------------------------------------------
    @property
    def language(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")

    @property
    def heading(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "h1").text

    @property
    def main_text(self) -> str:
        return self.driver.find_element(By.ID, "main").text

    @property
    def notice(self) -> str | None:
        found = self.driver.find_elements(By.CSS_SELECTOR, "#main .notice")
        return found[0].text if found else None

    def is_signed_in(self) -> bool:
        return bool(self.driver.find_elements(By.CSS_SELECTOR, ".site-header form[action='/abmelden'] button"))

    # Header ----------------------------------------------------------------
    def language_link(self) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, ".site-header a[hreflang]")

    def switch_language(self):
        """Follows the header's language link; returns the same page in the other language."""
        link = self.language_link()
        target = link.get_attribute("hreflang")
        self.click_to_load(link)
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda _: self.language == target)
        return self

    def sign_out(self) -> "StartPage":
        self.click_to_load(self.driver.find_element(By.CSS_SELECTOR, ".site-header form[action='/abmelden'] button"))
        return self.as_page(StartPage)

    def nav_links(self) -> list[tuple[str, str]]:
        """(text, path) of each entry of the member navigation."""
        return [(link.text, urlsplit(link.get_attribute("href")).path)
                for link in self.driver.find_elements(By.CSS_SELECTOR, "nav.member-nav a")]

    def follow_nav(self, page_class: type["Page"]):
        self.click_to_load(self.driver.find_element(By.CSS_SELECTOR, f"nav.member-nav a[href='{page_class.path}']"))
        return self.as_page(page_class)

    def footer_links(self) -> list[str]:
        return [urlsplit(link.get_attribute("href")).path
                for link in self.driver.find_elements(By.CSS_SELECTOR, ".site-footer a")]

    def error_links(self) -> list[tuple[str, str]]:
        """(message, target field id) of each link in the error summary."""
        return [(link.text, link.get_attribute("hash").lstrip("#"))
                for link in self.driver.find_elements(By.CSS_SELECTOR, ".error-summary a")]

    def response_status(self) -> int:
        """The HTTP status of the page's own response (Navigation Timing)."""
        return self.driver.execute_script(
            "return performance.getEntriesByType('navigation')[0].responseStatus;")

    def summary_list(self) -> dict[str, str]:
        """A GOV.UK summary list (dl.summary-list) as {label: value}."""
        rows = self.driver.find_elements(By.CSS_SELECTOR, "dl.summary-list > div")
        return {row.find_element(By.TAG_NAME, "dt").text: row.find_element(By.TAG_NAME, "dd").text for row in rows}

    def timeout_warning(self) -> "TimeoutWarning":
        return TimeoutWarning(self.driver)

    def hold_still(self):
        """Stops the page's timers, so that a status page is not reloaded
        while checks run on it (the status polls run every few seconds)."""
        self.driver.execute_script(
            "const last = window.setTimeout(function () {}, 0);"
            "for (let id = 0; id <= last; id++) { window.clearTimeout(id); window.clearInterval(id); }")
        return self

    def reload(self):
        old_page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.refresh()
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda driver: _is_stale(old_page))
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")
        return self


class StartPage(Page):
    path = "/"

    def start_sign_in(self) -> "DevEIDPage":
        """Development: "Mit Online-Ausweis anmelden" leads to the eID simulator."""
        self.click_to_load(self.driver.find_element(By.CSS_SELECTOR, "#main a[href='/anmelden']"))
        return self.as_page(DevEIDPage)


class DevEIDPage(Page):
    """The development eID simulator standing in for the AusweisApp."""
    path = "/dev/eid"
    FIELDS = ("family_names", "given_names", "birth_name", "academic_title", "date_of_birth",
              "pseudonym", "document_type", "issuing_state")

    def stock_button(self, stock: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, f"button[data-stock='{stock}']")

    def sign_in_as(self, identity: StockIdentity) -> None:
        """Presses the identity's button; the caller knows where the portal goes next."""
        self.click_to_load(self.stock_button(identity.stock))

    def submit_identity(self, **fields: str) -> None:
        for name, value in fields.items():
            if name not in self.FIELDS:
                raise ValueError(f"no such field: {name}")
            field = self.driver.find_element(By.ID, name)
            field.clear()
            field.send_keys(value)
        self.click_to_load(self.driver.find_element(By.CSS_SELECTOR, "form.form button[type='submit']"))

    def sign_in_with(self, card: Card) -> None:
        """Fills the free-form identity with the card's data and sends it."""
        self.submit_identity(**card.fields())


class DashboardPage(Page):
    path = "/konto"

    def greets(self, language: str, identity: StockIdentity) -> bool:
        return self.heading == t(language, "dashboard.greeting", identity.display_name)


class ProfilePage(Page):
    """/konto/profil: the personal data and the e-mail notification settings."""
    path = "/konto/profil"
    SETTINGS_ACTION = "/konto/profil/benachrichtigungen"

    @property
    def email_field(self) -> WebElement:
        return self.driver.find_element(By.ID, "email")

    @property
    def email(self) -> str:
        """The address in the field: the confirmed one (a new one only after its link was followed)."""
        return self.email_field.get_attribute("value")

    @property
    def notify(self) -> bool:
        """True if "ja" is chosen for notifications."""
        return self.driver.find_element(By.ID, "notify-ja").is_selected()

    @property
    def pending_notice(self) -> str | None:
        """The callout naming the address a confirmation link was sent to."""
        found = self.driver.find_elements(By.CSS_SELECTOR, "#main p.callout")
        return found[0].text if found else None

    def email_error(self) -> str | None:
        """The error summary's message for the address field, or None."""
        messages = [message for message, target in self.error_links() if target == "email"]
        return messages[0] if messages else None

    def save_notifications(self, email: str, notify: bool | None = None) -> "ProfilePage":
        """Types the address, chooses ja/nein (None keeps the choice) and
        saves; the page is then the profile again (or the form with errors)."""
        field = self.email_field
        field.clear()
        field.send_keys(email)
        if notify is not None:
            self.driver.find_element(By.CSS_SELECTOR, f"label[for='notify-{'ja' if notify else 'nein'}']").click()
        self.click_to_load(self.driver.find_element(
            By.CSS_SELECTOR, f"form[action='{self.SETTINGS_ACTION}'] button[type='submit']"))
        return self


@dataclass(frozen=True)
class Mail:
    """One mail of the development mailbox: its file name and decoded text."""
    name: str
    text: str

    def link(self, path: str) -> str | None:
        """The first link in the mail to the portal's `path`."""
        found = re.search(r"https?://[^\s/]+" + re.escape(path) + r"\S*", self.text)
        return found.group(0) if found else None


class DevMailboxPage(Page):
    """/dev/postfach (development only): the mails the portal wrote instead of sending them, newest first."""
    path = "/dev/postfach"

    def mails(self) -> list[Mail]:
        return [Mail(section.find_element(By.TAG_NAME, "h2").text, section.find_element(By.TAG_NAME, "pre").text)
                for section in self.driver.find_elements(By.CSS_SELECTOR, "#main section.mail")]

    def newest_mail_to(self, address: str) -> Mail:
        for mail in self.mails():
            if f"To: <{address}>" in mail.text:
                return mail
        raise AssertionError(f"no mail to {address} in the development mailbox")


class ConfirmEmailPage(Page):
    """/email-bestaetigen?token=…: the link from the mail; confirming is a button (POST)."""
    path = "/email-bestaetigen"

    def confirm_button(self) -> WebElement | None:
        found = self.driver.find_elements(By.CSS_SELECTOR, f"#main form[action='{self.path}'] button[type='submit']")
        return found[0] if found else None

    def confirm(self) -> "ConfirmEmailPage":
        self.click_to_load(self.confirm_button())
        return self


class CertificatesPage(Page):
    """/konto/bescheinigungen: the certificates a member can request."""
    path = "/konto/bescheinigungen"

    def request(self, kind: str) -> "CertificateStatusPage":
        """Presses "Bescheinigung erzeugen" of a kind (membership, contributions, …);
        the portal leads to the request's status page."""
        form = self.driver.find_element(By.CSS_SELECTOR, f"#main form:has(input[name='kind'][value='{kind}'])")
        self.click_to_load(form.find_element(By.CSS_SELECTOR, "button[type='submit']"))
        page = CertificateStatusPage(self.driver, self.base_url)
        WebDriverWait(self.driver, WAIT_SECONDS).until(lambda _: page.state is not None)
        return page


class CertificateStatusPage(Page):
    """/konto/bescheinigungen/<id>: the state of one request, polling by itself until it is decided."""
    path = "/konto/bescheinigungen/"

    @property
    def state(self) -> str | None:
        """data-certificate-state: queued, generating, ready or failed (None while the page changes)."""
        return self.data_attribute("[data-certificate-state]", "data-certificate-state")

    @property
    def status_label(self) -> str:
        return self.driver.find_element(By.CSS_SELECTOR, ".status-panel .status-label").text

    def wait_until(self, state: str, timeout: float = 30) -> "CertificateStatusPage":
        """Waits for the page's own script to reload it in `state`."""
        WebDriverWait(self.driver, timeout, poll_frequency=0.25).until(
            lambda _: self.state == state, message=f"certificate not {state} after {timeout} s: {self.state!r}")
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")
        return self

    def download_link(self) -> str:
        return self.driver.find_element(By.CSS_SELECTOR, ".status-panel a.button").get_attribute("href")

    @property
    def document_id(self) -> str:
        """The archive's id of the ready certificate (the end of its download link)."""
        return urlsplit(self.download_link()).path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class DocumentRow:
    """One row of the document archive as a person reads it."""
    title: str
    category: str
    date: str
    status: str
    href: str | None  # the download link of an online document
    request_action: str | None  # the form behind "Dokument anfordern" of an offline one
    request_label: str | None  # that button's text

    @property
    def document_id(self) -> str | None:
        target = self.href or self.request_action
        found = re.search(r"/konto/dokumente/([0-9A-Fa-f-]{36})", target or "")
        return found.group(1).upper() if found else None


class DocumentsPage(Page):
    """/konto/dokumente: the document archive, newest first, with each document's media status."""
    path = "/konto/dokumente"

    def rows(self) -> list[DocumentRow]:
        rows = []
        for row in self.driver.find_elements(By.CSS_SELECTOR, "#main table.documents-table tbody tr"):
            document, date, status = row.find_elements(By.TAG_NAME, "td")
            title_and_category = document.text.split("\n")
            links = document.find_elements(By.TAG_NAME, "a")
            forms = status.find_elements(By.TAG_NAME, "form")
            buttons = status.find_elements(By.CSS_SELECTOR, "form button")
            rows.append(DocumentRow(
                title=title_and_category[0], category=title_and_category[-1], date=date.text,
                status=status.text.removesuffix(buttons[0].text if buttons else "").strip(),
                href=links[0].get_attribute("href") if links else None,
                request_action=urlsplit(forms[0].get_attribute("action")).path if forms else None,
                request_label=buttons[0].text if buttons else None))
        return rows

    def index_of(self, document_id: str) -> int:
        """The row of a document that has a link or a request button (its id is in their addresses)."""
        for index, row in enumerate(self.rows()):
            if row.document_id == document_id.upper():
                return index
        raise AssertionError(f"document {document_id} not on {self.current_path}?{self.current_query}")

    def row_titled(self, title: str) -> DocumentRow:
        found = [row for row in self.rows() if row.title == title]
        assert len(found) == 1, f"{len(found)} rows titled {title!r}"
        return found[0]

    def request(self, document_id: str) -> "DocumentsPage":
        """Presses "Dokument anfordern" of an offline document; the archive is shown again."""
        self.click_to_load(self.driver.find_element(
            By.CSS_SELECTOR, f"#main form[action='{self.path}/{document_id}/anfordern'] button[type='submit']"))
        return self

    def show_only(self, category: str = "", year: str = "") -> "DocumentsPage":
        """Chooses Art (a category value: certificate, decision, …) and Jahr in the filter and presses "Anzeigen"."""
        Select(self.driver.find_element(By.ID, "kategorie")).select_by_value(category)
        Select(self.driver.find_element(By.ID, "jahr")).select_by_value(year)
        self.click_to_load(self.driver.find_element(By.CSS_SELECTOR, "#main form.filter-form button[type='submit']"))
        return self

    def wait_until_online(self, index: int, timeout: float = 30) -> DocumentRow:
        """Reloads the page every second, as a person would, until the row at
        `index` has its download link again."""
        def online(_):
            self.reload()
            row = self.rows()[index]
            return row if row.href else False
        return WebDriverWait(self.driver, timeout, poll_frequency=1).until(
            online, message=f"row {index} has no download link after {timeout} s")


@dataclass(frozen=True)
class InboxEntry:
    subject: str
    unread: bool
    href: str


class InboxPage(Page):
    """/konto/posteingang: a message for every processing step, newest first."""
    path = "/konto/posteingang"

    def messages(self) -> list[InboxEntry]:
        entries = []
        for link in self.driver.find_elements(By.CSS_SELECTOR, "#main ul.message-list li a"):
            tags = link.find_elements(By.CSS_SELECTOR, ".status-tag")
            subject = link.text
            if tags and subject.startswith(tags[0].text):
                subject = subject[len(tags[0].text):].strip()
            entries.append(InboxEntry(subject, bool(tags), link.get_attribute("href")))
        return entries

    def open_message(self, subject: str) -> "InboxMessagePage":
        """Opens the newest message with this subject (which marks it read)."""
        for entry in self.messages():
            if entry.subject == subject:
                self.click_to_load(self.driver.find_element(
                    By.CSS_SELECTOR, f"#main ul.message-list a[href='{urlsplit(entry.href).path}']"))
                return InboxMessagePage(self.driver, self.base_url)
        raise AssertionError(f"no message {subject!r} in {[entry.subject for entry in self.messages()]}")


class InboxMessagePage(Page):
    """/konto/posteingang/<id>: one message; a message about a document links it."""
    path = "/konto/posteingang/"

    @property
    def document_link(self) -> str | None:
        found = self.driver.find_elements(By.CSS_SELECTOR, "#main a[href^='/konto/dokumente/']")
        return found[0].get_attribute("href") if found else None


class RegistrationPage(Page):
    """/registrierung: the form for an unknown card, then the status of its registration."""
    path = "/registrierung"
    STATES = ("pending", "active", "review", "rejected")

    # The form ----------------------------------------------------------------
    @property
    def member_number_field(self) -> WebElement:
        return self.driver.find_element(By.ID, "member_number")

    @property
    def consent_checkbox(self) -> WebElement:
        return self.driver.find_element(By.ID, "privacy_consent")

    @property
    def submit_button(self) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, "#main form.form button[type='submit']")

    def shows_form(self) -> bool:
        return bool(self.driver.find_elements(By.ID, "member_number"))

    def register(self, member_number: str, consent: bool = True) -> "RegistrationPage":
        """Fills in the form and sends it; the page is then the status page
        (or the form again with errors)."""
        field = self.member_number_field
        field.clear()
        field.send_keys(member_number)
        if self.consent_checkbox.is_selected() != consent:
            self.consent_checkbox.click()
        self.click_to_load(self.submit_button)
        return self

    def field_error(self, field: str) -> str | None:
        """The message shown beside a field, or None."""
        found = self.driver.find_elements(By.ID, f"{field}-error")
        return found[0].text if found else None

    # The status page ---------------------------------------------------------
    @property
    def state(self) -> str | None:
        """data-registration-state of <main>: pending, review, rejected (None on the form)."""
        return self.data_attribute("#main", "data-registration-state")

    def refresh_link(self) -> WebElement:
        return self.driver.find_element(By.XPATH, f"//main//a[normalize-space()='{t(self.language, 'registration.refresh')}']")

    def try_again_link(self) -> WebElement:
        return self.driver.find_element(By.XPATH, f"//main//a[normalize-space()='{t(self.language, 'registration.tryAgain')}']")

    def _decided(self, states: tuple[str, ...]) -> bool:
        if self.current_path == DashboardPage.path:
            return "active" in states
        return self.state in states

    def wait_until_decided(self, states: tuple[str, ...] = ("active", "review", "rejected"),
                           timeout: float = 30, refresh: bool = False) -> Page:
        """Waits until the registration has one of `states` ("active" means:
        the portal has led to the dashboard).

        refresh=False waits for the page's own script to reload it;
        refresh=True follows the "Status aktualisieren" link every second, as
        a person without JavaScript would. Returns the dashboard once active,
        else this page."""
        if refresh:
            deadline = time.monotonic() + timeout
            while not self._decided(states):
                if time.monotonic() > deadline:
                    raise AssertionError(f"registration not in {states} after {timeout} s: "
                                         f"state {self.state!r} at {self.current_path}")
                time.sleep(1)
                if self.current_path == self.path and self.state == "pending":
                    self.click_to_load(self.refresh_link())
        else:
            WebDriverWait(self.driver, timeout, poll_frequency=0.25).until(
                lambda _: self._decided(states),
                message=f"registration not in {states} after {timeout} s")
        if self.current_path == DashboardPage.path:
            WebDriverWait(self.driver, WAIT_SECONDS).until(
                lambda driver: driver.execute_script("return document.readyState") == "complete")
            return DashboardPage(self.driver, self.base_url)
        return self


class HelpPage(Page):
    path = "/hilfe"


class PrivacyPage(Page):
    path = "/datenschutz"


class ImprintPage(Page):
    path = "/impressum"


class TimeoutWarning:
    """The GOV.UK-style idle-timeout warning drawn by /static/js/portal.js."""

    def __init__(self, driver: WebDriver):
        self.driver = driver

    @property
    def element(self) -> WebElement:
        return self.driver.find_element(By.ID, "timeout-warning")

    def is_shown(self) -> bool:
        try:
            return self.element.is_displayed()
        except NoSuchElementException:
            return False

    def wait_until_shown(self, timeout: float) -> "TimeoutWarning":
        WebDriverWait(self.driver, timeout).until(EC.visibility_of_element_located((By.ID, "timeout-warning")))
        return self

    def wait_until_hidden(self, timeout: float = WAIT_SECONDS) -> "TimeoutWarning":
        WebDriverWait(self.driver, timeout).until(EC.invisibility_of_element_located((By.ID, "timeout-warning")))
        return self

    def stay_signed_in(self) -> None:
        self.element.find_element(By.CSS_SELECTOR, "#timeout-extend button").click()
        self.wait_until_hidden()


def sign_in_with_card(driver: WebDriver, base_url: str, card: Card) -> RegistrationPage:
    """Signs in with a free-form identity the portal does not know yet:
    it leads to the registration form."""
    simulator = StartPage(driver, base_url).open().start_sign_in()
    simulator.sign_in_with(card)
    registration = simulator.as_page(RegistrationPage)
    assert registration.shows_form(), f"card {card.pseudonym} is not new: {registration.main_text[:200]}"
    return registration


def sign_in(driver: WebDriver, base_url: str, identity: StockIdentity = ERIKA) -> Page:
    """The whole way a person takes: start page, eID, and where the portal leads.

    Returns the dashboard for a registered identity and the registration page
    for one the portal does not know yet.
    """
    simulator = StartPage(driver, base_url).open().start_sign_in()
    simulator.sign_in_as(identity)
    target = DashboardPage if identity.member_number else RegistrationPage
    return simulator.as_page(target)


def _is_stale(element: WebElement) -> bool:
    """True once the element's page is gone. Chromium reports a replaced
    document either as a stale reference or, while navigating, as "Node with
    given id does not belong to the document"; both mean the old page left."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def download(driver: WebDriver, url: str) -> requests.Response:
    """Fetches `url` with the browser's cookies, as its download would."""
    cookies = {cookie["name"]: cookie["value"] for cookie in driver.get_cookies()}
    return requests.get(url, cookies=cookies, timeout=30)
