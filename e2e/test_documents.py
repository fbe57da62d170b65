"""The document archive (issue 8): a document taken offline is requested back
and restored by the worker; a document a case worker files appears with its
category and date, and the inbox says so.

The case worker's side runs the operator commands (`portal documents ...`)
on the run's data directory and database (case_worker.py).
"""

import uuid

from case_worker import file_document, listed_documents, minimal_pdf, take_offline
from pages import ERIKA, CertificatesPage, DocumentsPage, InboxPage, download
from texts import t

RESTORE_SECONDS = 30


def assert_downloads_a_pdf(browser, url: str) -> bytes:
    response = download(browser, url)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/pdf")
    assert response.content.startswith(b"%PDF-")
    return response.content


def test_a_document_taken_offline_is_requested_and_restored(erika, browser, base_url, portal):
    status = CertificatesPage(browser, base_url).open().request("membership").wait_until("ready")
    document_id = status.document_id
    assert "online" in listed_documents(portal, ERIKA.member_number)[document_id]

    take_offline(portal, document_id)

    documents = DocumentsPage(browser, base_url).open()
    index = documents.index_of(document_id)
    offline = documents.rows()[index]
    assert offline.title == t("de", "certificates.kind.membership")
    assert offline.status == t("de", "documents.status.offline")
    assert offline.href is None, "an offline document has no download link"
    assert offline.request_label == t("de", "documents.request") == "Dokument anfordern"
    page = download(browser, f"{base_url}{DocumentsPage.path}/{document_id}")
    assert page.status_code == 200, "an offline document's link shows its page, not a 404"
    assert "text/html" in page.headers.get("Content-Type", ""), "the page, not the PDF"
    assert "Dokument anfordern" in page.text

    # The worker would restore it within milliseconds: without it the state stays to be seen.
    with portal.worker_stopped():
        documents.request(document_id)
        requested = documents.rows()[index]
        assert requested.title == offline.title
        assert requested.status == t("de", "documents.status.requested")
        assert requested.href is None and requested.request_label is None
        assert "requested" in listed_documents(portal, ERIKA.member_number)[document_id]

    restored = documents.wait_until_online(index, timeout=RESTORE_SECONDS)
    assert restored.document_id == document_id
    assert restored.status.startswith(t("de", "documents.status.online", "")), restored.status
    assert_downloads_a_pdf(browser, restored.href)

    newest = InboxPage(browser, base_url).open().messages()[0]
    assert newest.subject == t("de", "inbox.document.restored.subject", t("de", "certificates.kind.membership"))
    assert newest.unread


def test_a_document_filed_by_a_case_worker_appears_with_category_and_date(erika, browser, base_url, portal):
    title = f"Bescheid über die Befreiung von der Beitragspflicht, Az. {uuid.uuid4().hex[:8]}"
    pdf = minimal_pdf(title)

    document_id = file_document(portal, ERIKA.member_number, pdf, category="decision", title=title, date="2021-05-03")

    documents = DocumentsPage(browser, base_url).open().show_only(category="decision", year="2021")
    row = documents.row_titled(title)
    assert row.category == t("de", "documents.category.decision") == "Bescheid"
    assert row.date == "03.05.2021"
    assert row.status.startswith(t("de", "documents.status.online", ""))
    assert row.document_id == document_id
    assert assert_downloads_a_pdf(browser, row.href) == pdf

    inbox = InboxPage(browser, base_url).open()
    subject = t("de", "inbox.document.provided.subject", title)
    assert subject in [message.subject for message in inbox.messages() if message.unread]
    message = inbox.open_message(subject)
    assert message.heading == subject
    assert t("de", "inbox.document.provided.body", title) in message.main_text
    assert assert_downloads_a_pdf(browser, message.document_link) == pdf
