"""Sign-in through the (development) eID and where it leads."""

from pages import (ERIKA, UNKNOWN, DashboardPage, DevEIDPage, ProfilePage, RegistrationPage,
                   StartPage, sign_in)
from texts import t


def test_registered_identity_reaches_her_dashboard(browser, base_url):
    dashboard = sign_in(browser, base_url, ERIKA)

    assert isinstance(dashboard, DashboardPage)
    assert dashboard.greets("de", ERIKA), dashboard.heading
    assert dashboard.summary_list()[t("de", "profile.memberNumber")] == ERIKA.member_number
    assert dashboard.is_signed_in()


def test_unknown_identity_lands_on_registration(browser, base_url):
    registration = sign_in(browser, base_url, UNKNOWN)

    assert isinstance(registration, RegistrationPage)
    assert registration.heading == t("de", "registration.title")


def test_profile_shows_her_personal_data(erika):
    profile = erika.follow_nav(ProfilePage)

    assert profile.heading == t("de", "profile.title")
    data = profile.summary_list()
    assert data[t("de", "profile.memberNumber")] == ERIKA.member_number
    assert data[t("de", "profile.givenNames")] == ERIKA.given_names
    assert data[t("de", "profile.familyName")] == ERIKA.family_name
    assert data[t("de", "profile.dateOfBirth")] == "12.08.1964"


def test_empty_identity_is_refused_with_an_error_summary_linking_each_field(browser, base_url):
    simulator = StartPage(browser, base_url).open().start_sign_in()

    simulator.submit_identity()

    simulator.wait_for_path(DevEIDPage.path)
    errors = simulator.error_links()
    assert {field for _, field in errors} >= {"family_names", "given_names", "date_of_birth"}
    for message, field in errors:
        assert message
        assert browser.find_element("id", field).is_displayed()
    assert not simulator.is_signed_in()


def test_member_area_needs_sign_in(browser, base_url):
    page = StartPage(browser, base_url).open(DashboardPage.path)

    page.wait_for_path(StartPage.path)
    assert not page.is_signed_in()
