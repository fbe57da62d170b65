"""Keyboard only: TAB and ENTER reach everything, and the focus is visible."""

from selenium.webdriver.common.keys import Keys

from a11y import focus_indicator, has_visible_focus
from pages import DashboardPage, DevEIDPage, ProfilePage, StartPage

MAX_TABS = 60


def tab_to(driver, wanted, seen: list[dict]) -> None:
    """Presses TAB until `wanted(indicator)`; every stop must show its focus."""
    for _ in range(MAX_TABS):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        indicator = focus_indicator(driver)
        if indicator["tag"] == "body":
            continue
        seen.append(indicator)
        assert has_visible_focus(indicator), f"no visible focus on {indicator}"
        if wanted(indicator):
            return
    raise AssertionError(f"not reached with {MAX_TABS} TABs; focus went through {[i['text'] for i in seen]}")


def press_enter(driver) -> None:
    driver.switch_to.active_element.send_keys(Keys.ENTER)


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
