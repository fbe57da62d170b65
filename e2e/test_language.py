"""German first, English second: the switch in the header."""

from pages import ERIKA, DashboardPage, ProfilePage, StartPage, sign_in
from texts import t


def test_switch_to_english_and_back_keeps_the_page(erika):
    profile = erika.follow_nav(ProfilePage)
    assert profile.language == "de"

    profile.switch_language()

    assert profile.language == "en"
    assert profile.current_path == ProfilePage.path
    assert profile.heading == t("en", "profile.title")
    assert profile.language_link().text == "Deutsch"

    profile.switch_language()

    assert profile.language == "de"
    assert profile.current_path == ProfilePage.path
    assert profile.heading == t("de", "profile.title")
    assert profile.language_link().text == "English"


def test_language_chosen_before_sign_in_stays_after_it(browser, base_url):
    start = StartPage(browser, base_url).open().switch_language()
    assert start.heading == t("en", "start.heading")

    dashboard = sign_in(browser, base_url, ERIKA)

    assert isinstance(dashboard, DashboardPage)
    assert dashboard.language == "en"
    assert dashboard.greets("en", ERIKA), dashboard.heading
