"""First registration (issue 4): an unknown card gives the member number and
the privacy consent, the matching job decides after the security delay
(2 s in the run), and the portal leads to the dashboard once active.

Registrations stay in the portal's database for the whole run, so every test
signs in with a new card (`Card.fresh()`: the same person, a new pseudonym).
The portal allows 5 registrations per member number in 24 hours, so the
tests register different demo members where they can (see pages.py; the
accessibility walk sends others to review).
"""

from selenium.webdriver.common.by import By

from a11y import press_enter, tab_to
from pages import (BEISPIEL_CARD, DUBOIS, GRAF_LYSKY, LYSKY, OZMEN, SCHAEFER, DashboardPage,
                   ProfilePage, RegistrationPage, sign_in, sign_in_with_card, unused_member_number)
from texts import t

DECISION_SECONDS = 30


def assert_profile_shows(dashboard: DashboardPage, member) -> None:
    profile = dashboard.follow_nav(ProfilePage)
    data = profile.summary_list()
    assert data[t("de", "profile.memberNumber")] == member.member_number
    assert data[t("de", "profile.familyName")] == member.family_name
    assert data[t("de", "profile.givenNames")] == member.given_names
    assert data[t("de", "profile.dateOfBirth")] == member.date_of_birth
    if member.degree:
        assert data[t("de", "profile.degree")] == member.degree


def assert_welcomed(dashboard: DashboardPage, member) -> None:
    assert dashboard.heading == t("de", "dashboard.greeting", member.display_name)
    assert dashboard.notice == t("de", "dashboard.welcome")
    assert "willkommen=1" in dashboard.current_query
    assert dashboard.is_signed_in()


def test_stock_identity_without_account_gets_the_registration_form(browser, base_url):
    registration = sign_in(browser, base_url, LYSKY)

    assert isinstance(registration, RegistrationPage)
    assert registration.heading == t("de", "registration.title")
    assert registration.state is None
    assert registration.member_number_field.get_attribute("name") == "member_number"
    assert registration.consent_checkbox.get_attribute("type") == "checkbox"
    assert not registration.consent_checkbox.is_selected()
    privacy = browser.find_elements(By.CSS_SELECTOR, "#main form a[href='/datenschutz']")
    assert privacy, "the form should link the privacy notice"


def test_registration_with_javascript_activates_and_leads_to_the_dashboard(browser, base_url):
    registration = sign_in_with_card(browser, base_url, GRAF_LYSKY.card.fresh("lysky-js"))

    registration.register(GRAF_LYSKY.member_number)

    assert registration.current_path == RegistrationPage.path
    assert registration.state == "pending"
    assert t("de", "registration.pending.text") in registration.main_text
    # The page's script polls the status and reloads; nothing is clicked.
    dashboard = registration.wait_until_decided(("active",), timeout=DECISION_SECONDS)
    assert isinstance(dashboard, DashboardPage)
    assert_welcomed(dashboard, GRAF_LYSKY)
    assert_profile_shows(dashboard, GRAF_LYSKY)
    profile = ProfilePage(browser, base_url)
    assert profile.summary_list()[t("de", "profile.familyName")] == "Graf von Lýsky"  # the record's name, not the card's

    # The registration page is done with: it leads to the dashboard from now on.
    profile.open(RegistrationPage.path).wait_for_path(DashboardPage.path)


def test_registration_without_javascript_by_the_refresh_link(open_browser, base_url):
    browser = open_browser(javascript=False)
    registration = sign_in_with_card(browser, base_url, SCHAEFER.card.fresh("schaefer-nojs"))

    registration.register(SCHAEFER.member_number)

    assert registration.state == "pending"
    assert registration.refresh_link().get_attribute("href").endswith(RegistrationPage.path)
    dashboard = registration.wait_until_decided(("active",), timeout=DECISION_SECONDS, refresh=True)
    assert isinstance(dashboard, DashboardPage)
    assert_welcomed(dashboard, SCHAEFER)
    assert_profile_shows(dashboard, SCHAEFER)


def test_bad_member_number_and_missing_consent_are_explained(browser, base_url):
    registration = sign_in_with_card(browser, base_url, DUBOIS.card.fresh("bad-input"))

    registration.register("10003-01")

    assert registration.response_status() == 422
    assert registration.shows_form() and registration.state is None
    assert registration.error_links() == [(t("de", "registration.error.member_number.format"), "member_number")]
    message = registration.field_error("member_number")
    assert message == t("de", "registration.error.member_number.format")
    assert "99999/01" in message
    field = registration.member_number_field
    assert field.get_attribute("value") == "10003-01", "what was typed should stay for correcting"
    assert "member_number-error" in field.get_attribute("aria-describedby").split()
    assert field.get_attribute("aria-invalid") == "true"
    assert registration.consent_checkbox.is_selected(), "the consent given should stay"

    registration.register(DUBOIS.member_number, consent=False)

    assert registration.response_status() == 422
    assert registration.error_links() == [(t("de", "registration.error.privacy_consent.missing"), "privacy_consent")]
    assert registration.field_error("privacy_consent") == t("de", "registration.error.privacy_consent.missing")
    assert registration.field_error("member_number") is None
    assert registration.member_number_field.get_attribute("value") == DUBOIS.member_number

    registration.register("", consent=False)

    assert registration.response_status() == 422
    errors = registration.error_links()
    assert [field for _, field in errors] == ["member_number", "privacy_consent"]
    assert registration.field_error("member_number") == t("de", "registration.error.member_number.missing")
    # The summary's links are reached with TAB (visibly focused) and lead to their fields.
    seen: list[dict] = []
    tab_to(browser, lambda focus: focus["href"] == "#member_number", seen)
    press_enter(browser)
    assert browser.switch_to.active_element.get_attribute("id") == "member_number"
    tab_to(browser, lambda focus: focus["href"] == "#privacy_consent", seen, backwards=True)
    press_enter(browser)
    assert browser.switch_to.active_element.get_attribute("id") == "privacy_consent"


def test_partial_birth_date_goes_to_case_worker_review(browser, base_url):
    registration = sign_in_with_card(browser, base_url, OZMEN.card.fresh("agca"))

    registration.register(OZMEN.member_number)

    registration.wait_until_decided(timeout=DECISION_SECONDS)
    assert registration.state == "review"
    assert t("de", "registration.status.review") in registration.main_text
    assert t("de", "registration.review.text") in registration.main_text
    # Signing in again with the same card shows the same state.
    registration.open().wait_for_path(RegistrationPage.path)
    assert registration.state == "review"


def test_unknown_person_is_rejected_neutrally_and_may_try_again(open_browser, base_url):
    # The same rejection whether the number does not exist or belongs to someone else.
    unknown_number, other_member = open_browser(), open_browser()
    pages = []
    for browser, number in ((unknown_number, unused_member_number()), (other_member, DUBOIS.member_number)):
        registration = sign_in_with_card(browser, base_url, BEISPIEL_CARD.fresh("unknown"))
        registration.register(number)
        pages.append(registration)
    for registration in pages:
        registration.wait_until_decided(timeout=DECISION_SECONDS)
        assert registration.state == "rejected"

    first, second = pages
    assert first.main_text == second.main_text, "a rejection must not tell why"
    assert t("de", "registration.rejected.text") in first.main_text
    for word in ("Geburtsdatum", "Vorname", "Familienname", "existiert", "unbekannt"):
        assert word not in first.main_text

    try_again = first.try_again_link()
    assert try_again.text == t("de", "registration.tryAgain")
    first.click_to_load(try_again)
    assert first.current_path == RegistrationPage.path
    assert first.shows_form() and first.state is None
