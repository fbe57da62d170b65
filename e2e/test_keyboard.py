"""Keyboard only: TAB and ENTER reach everything, and the focus is visible."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from a11y import focus_indicator, has_visible_focus, press, press_enter, tab_to
from pages import (NOWAK, WAIT_SECONDS, DashboardPage, DevEIDPage, ProfilePage, RegistrationPage, StartPage,
                   sign_in_with_card)
from texts import t


def test_sign_in_and_profile_with_keyboard_alone(browser, base_url):
    page = StartPage(browser, base_url).open()
    seen: list[dict] = []

    tab_to(browser, lambda focus: focus["href"] == "/anmelden", seen)
    press_enter(browser)
    simulator = page.as_page(DevEIDPage)

    erika_button = simulator.stock_button("erika")
    tab_to(browser, lambda _: browser.switch_to.active_element == erika_button, seen)
    press_enter(browser)
    dashboard = simulator.as_page(DashboardPage)

    tab_to(browser, lambda focus: focus["href"] == ProfilePage.path, seen)
    press_enter(browser)
    profile = dashboard.as_page(ProfilePage)
    assert profile.summary_list()

    assert any(focus["text"] for focus in seen)


def test_skip_link_is_first_and_visible_when_focused(browser, base_url):
    StartPage(browser, base_url).open()

    browser.switch_to.active_element.send_keys(Keys.TAB)

    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    assert focused.is_displayed()
    location = focused.location
    assert location["x"] >= 0 and location["y"] >= 0
    assert has_visible_focus(focus_indicator(browser))


def test_registration_form_with_keyboard_alone(browser, base_url):
    registration = sign_in_with_card(browser, base_url, NOWAK.card.fresh("keyboard"))
    seen: list[dict] = []

    tab_to(browser, lambda focus: focus["id"] == "member_number", seen)
    press(browser, NOWAK.member_number)
    tab_to(browser, lambda focus: focus["id"] == "privacy_consent", seen)
    press(browser, Keys.SPACE)
    assert registration.consent_checkbox.is_selected()
    tab_to(browser, lambda focus: focus["tag"] == "button" and focus["text"] == t("de", "registration.submit"), seen)
    old_page = browser.find_element(By.TAG_NAME, "html")
    press_enter(browser)
    WebDriverWait(browser, WAIT_SECONDS).until(EC.staleness_of(old_page))

    registration.wait_for_path(RegistrationPage.path)
    assert registration.state == "pending"
    dashboard = registration.wait_until_decided(("active",), timeout=30)
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.heading == t("de", "dashboard.greeting", NOWAK.display_name)
    assert {focus["id"] for focus in seen} >= {"member_number", "privacy_consent"}
