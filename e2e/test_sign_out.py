"""Sign-out ends the session; the member area is closed afterwards."""

from pages import DashboardPage, ProfilePage, StartPage
from texts import t


def test_sign_out_ends_the_session(erika):
    profile = erika.follow_nav(ProfilePage)

    start = profile.sign_out()

    assert start.notice == t("de", "notice.signedOut")
    assert not start.is_signed_in()
    start.open(DashboardPage.path).wait_for_path(StartPage.path)
    assert not start.is_signed_in()
