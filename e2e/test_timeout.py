"""The idle-timeout warning (GOV.UK "timeout warning"): shown before the
server ends an idle session, "Angemeldet bleiben" keeps the session.

The run configures short limits (portal_server.IDLE_SECONDS and
WARNING_SECONDS), so the warning appears about ten seconds after the last
request and the session ends thirty seconds later.
"""

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from a11y import axe_violations, describe_violations
from pages import ERIKA, DashboardPage, StartPage, sign_in
from portal_server import IDLE_SECONDS, WARNING_SECONDS
from texts import t

pytestmark = pytest.mark.slow
MARGIN = 15


def test_warning_appears_and_stay_signed_in_keeps_the_session(open_browser, base_url):
    idle_browser, staying_browser = open_browser(), open_browser()
    idle = sign_in(idle_browser, base_url, ERIKA)
    staying = sign_in(staying_browser, base_url, ERIKA)
    signed_in_at = time.monotonic()

    warning = staying.timeout_warning()
    assert not warning.is_shown()
    warning.wait_until_shown(IDLE_SECONDS - WARNING_SECONDS + MARGIN)
    assert warning.element.find_element(By.TAG_NAME, "h2").text == t("de", "timeout.title")
    focused = staying_browser.switch_to.active_element
    assert focused.text == t("de", "timeout.stay"), "the warning should move focus to 'Angemeldet bleiben'"
    violations = axe_violations(staying_browser)
    assert not violations, "axe on the open warning:\n" + describe_violations(violations)

    focused.send_keys(Keys.ENTER)
    warning.wait_until_hidden()

    # The idle member's page leaves by itself once the session has ended.
    idle.wait_for_path(StartPage.path, timeout=IDLE_SECONDS + MARGIN)
    assert "abgelaufen=1" in idle.current_query
    assert idle.notice == t("de", "notice.sessionExpired")
    idle.open(DashboardPage.path).wait_for_path(StartPage.path)

    # The staying member is still signed in after her original limit.
    remaining = signed_in_at + IDLE_SECONDS + 2 - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)
    staying.open(DashboardPage.path)
    assert staying.current_path == DashboardPage.path
    assert staying.greets("de", ERIKA)


def test_warning_shows_the_time_left_counting_down(erika):
    warning = erika.timeout_warning().wait_until_shown(IDLE_SECONDS - WARNING_SECONDS + MARGIN)
    remaining = warning.element.find_element(By.ID, "timeout-remaining")
    first = remaining.text
    WebDriverWait(erika.driver, 5).until(lambda _: remaining.text != first)
    assert warning.element.find_element(By.ID, "timeout-text").text.startswith(t("de", "timeout.text"))
