"""E-mail notifications with double opt-in (issue 8): a new address counts
only after the link sent to it is confirmed with a button, the mail carries
no personal data, and the inbox records the confirmation.

The portal's development mailer writes each mail as a file; the development
mailbox (/dev/postfach) shows them, newest first.
"""

import uuid

from pages import ERIKA, ConfirmEmailPage, DevMailboxPage, InboxPage, ProfilePage
from texts import t

PERSONAL_DATA = (ERIKA.given_names, ERIKA.family_name, ERIKA.member_number)


def test_a_new_address_counts_only_after_its_link_is_confirmed(erika, browser, base_url):
    address = f"e2e-{uuid.uuid4().hex[:12]}@example.org"
    profile = erika.follow_nav(ProfilePage)
    assert profile.heading == t("de", "profile.title")

    profile.save_notifications(address, notify=True)

    assert profile.current_path == ProfilePage.path
    assert profile.notice == t("de", "notifications.saved")
    assert profile.pending_notice == t("de", "notifications.pending", address)
    assert profile.email != address, "the new address must not count before it is confirmed"

    mail = DevMailboxPage(browser, base_url).open().newest_mail_to(address)
    for personal in PERSONAL_DATA:
        assert personal.lower() not in mail.text.lower(), f"the mail names {personal!r}:\n{mail.text}"
    link = mail.link(ConfirmEmailPage.path)
    assert link and "token=" in link, mail.text

    # Opening the link only asks; the address is still pending.
    browser.get(link)
    confirmation = ConfirmEmailPage(browser, base_url)
    assert confirmation.heading == t("de", "notifications.confirmTitle")
    assert t("de", "notifications.confirmText") in confirmation.main_text
    assert confirmation.confirm_button().text == t("de", "notifications.confirmButton")
    assert ProfilePage(browser, base_url).open().pending_notice == t("de", "notifications.pending", address)

    browser.get(link)
    confirmation.confirm()

    assert confirmation.notice == t("de", "notifications.confirmed")
    assert confirmation.confirm_button() is None
    profile = ProfilePage(browser, base_url).open()
    assert profile.email == address
    assert profile.notify
    assert profile.pending_notice is None
    inbox = InboxPage(browser, base_url).open()
    newest = inbox.messages()[0]
    assert newest.subject == t("de", "inbox.email.confirmed.subject")
    assert newest.unread

    # The link works once.
    browser.get(link)
    confirmation.confirm()
    assert confirmation.notice == t("de", "notifications.confirmInvalid")
    assert confirmation.response_status() == 410

    # Erika switches notifications off again and removes the address, so the
    # run's later pages (and the README's profile screenshot) show her without one.
    profile = ProfilePage(browser, base_url).open().save_notifications("", notify=False)
    assert profile.notice == t("de", "notifications.saved")
    assert profile.email == ""
    assert not profile.notify


def test_an_implausible_address_is_refused_with_an_error_summary(erika, browser, base_url):
    profile = erika.follow_nav(ProfilePage)

    profile.save_notifications("erika.at.example", notify=True)

    assert profile.response_status() == 422
    assert profile.email_error() == t("de", "notifications.error.email")
    assert profile.email_field.get_attribute("aria-invalid") == "true"
    assert profile.email == "erika.at.example", "the form keeps what was typed"
    assert profile.pending_notice is None
