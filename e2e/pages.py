"""Page objects: what a person sees and does on each page of the portal.

Tests speak in these terms ("sign in as Erika", "open the profile") and never
spell selectors themselves, so a template change is fixed in one place. A new
feature adds its page class here (and, if it is reachable for a signed-in
member, appears in the member navigation, which the accessibility tour visits
on its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

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

    def click_to_load(self, element: WebElement, timeout: float = WAIT_SECONDS) -> None:
        """Clicks a link or submit button and waits until the next page has
        replaced this one (a form posting to its own URL keeps the path, so
        waiting for a path alone would race)."""
        old_page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, timeout).until(EC.staleness_of(old_page))
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

    def summary_list(self) -> dict[str, str]:
        """A GOV.UK summary list (dl.summary-list) as {label: value}."""
        rows = self.driver.find_elements(By.CSS_SELECTOR, "dl.summary-list > div")
        return {row.find_element(By.TAG_NAME, "dt").text: row.find_element(By.TAG_NAME, "dd").text for row in rows}

    def timeout_warning(self) -> "TimeoutWarning":
        return TimeoutWarning(self.driver)


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

    def error_links(self) -> list[tuple[str, str]]:
        """(message, target field id) of each link in the error summary."""
        return [(link.text, link.get_attribute("hash").lstrip("#"))
                for link in self.driver.find_elements(By.CSS_SELECTOR, ".error-summary a")]


class DashboardPage(Page):
    path = "/konto"

    def greets(self, language: str, identity: StockIdentity) -> bool:
        return self.heading == t(language, "dashboard.greeting", identity.display_name)


class ProfilePage(Page):
    path = "/konto/profil"


class DocumentsPage(Page):
    path = "/konto/dokumente"


class RegistrationPage(Page):
    path = "/registrierung"


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


def sign_in(driver: WebDriver, base_url: str, identity: StockIdentity = ERIKA) -> Page:
    """The whole way a person takes: start page, eID, and where the portal leads.

    Returns the dashboard for a registered identity and the registration page
    for one the portal does not know yet.
    """
    simulator = StartPage(driver, base_url).open().start_sign_in()
    simulator.sign_in_as(identity)
    target = DashboardPage if identity.member_number else RegistrationPage
    return simulator.as_page(target)
