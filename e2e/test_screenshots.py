"""Screenshots of the main pages for the README (German, desktop and phone).

Written to docs/screenshots/ by every run, so they always show the portal as
it is.
"""


import pytest

from browser import DESKTOP, PHONE, full_page_screenshot
from pages import (BEISPIEL_CARD, ERIKA, HelpPage, Page, ProfilePage, StartPage, sign_in, sign_in_with_card,
                   unused_member_number)
from portal_server import REPOSITORY

SCREENSHOTS = REPOSITORY / "docs" / "screenshots"


@pytest.mark.parametrize("width,device", [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_screenshots_of_the_main_pages(open_browser, base_url, width, device):
    browser = open_browser(width=width)

    def shoot(name: str) -> None:
        path = SCREENSHOTS / f"{name}-{device}.png"
        full_page_screenshot(browser, path)
        assert path.stat().st_size > 5_000

    start = StartPage(browser, base_url).open()
    assert start.language == "de"
    shoot("start")
    start.start_sign_in()
    shoot("dev-eid")
    dashboard = sign_in(browser, base_url, ERIKA)
    shoot("dashboard")
    dashboard.follow_nav(ProfilePage)
    shoot("profile")
    dashboard.follow_nav(HelpPage)
    shoot("help")
    for name, path in (("certificates", "/konto/bescheinigungen"), ("documents", "/konto/dokumente"),
                       ("inbox", "/konto/posteingang")):
        page = Page(browser, base_url).open(path)
        assert page.is_signed_in(), path
        shoot(name)
    dashboard.sign_out()

    registration = sign_in_with_card(browser, base_url, BEISPIEL_CARD.fresh("screenshot"))
    shoot("registration")
    registration.register(unused_member_number())
    assert registration.state == "pending"
    registration.hold_still()
    shoot("registration-pending")
