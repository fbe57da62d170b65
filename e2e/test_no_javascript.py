"""Every page works with JavaScript switched off (progressive enhancement)."""

from selenium.webdriver.common.by import By

from pages import ERIKA, DashboardPage, DevEIDPage, HelpPage, ProfilePage, StartPage, sign_in
from texts import t


def test_sign_in_navigation_language_and_sign_out_without_javascript(open_browser, base_url):
    browser = open_browser(javascript=False)

    simulator = StartPage(browser, base_url).open().start_sign_in()
    simulator.submit_identity()
    simulator.wait_for_path(DevEIDPage.path)
    assert simulator.error_links()

    dashboard = sign_in(browser, base_url, ERIKA)
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.greets("de", ERIKA)
    assert not dashboard.timeout_warning().is_shown()
    assert browser.find_element(By.ID, "timeout-warning").get_attribute("hidden") is not None

    profile = dashboard.follow_nav(ProfilePage)
    assert profile.summary_list()[t("de", "profile.familyName")] == ERIKA.family_name
    profile.switch_language()
    assert profile.heading == t("en", "profile.title")
    profile.switch_language()
    assert profile.heading == t("de", "profile.title")

    help_page = profile.follow_nav(HelpPage)
    assert help_page.heading == t("de", "help.title")

    start = help_page.sign_out()
    assert start.notice == t("de", "notice.signedOut")
    start.open(DashboardPage.path).wait_for_path(StartPage.path)
    assert not start.is_signed_in()
