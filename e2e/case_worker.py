"""What a case worker does with a member's archive until the back office has
pages for it: the operator commands `portal documents add|list|offline`, run
against the same data directory and database as the portal of the run."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from portal_server import PortalServer

DOCUMENT_ID = re.compile(r"^([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})\s+(.*)$")


def listed_documents(portal: PortalServer, member_number: str) -> dict[str, str]:
    """`portal documents list`: {document id: the rest of its line (date, category, status, title)}."""
    listed = {}
    for line in portal.run_command("documents", "list", member_number).splitlines():
        found = DOCUMENT_ID.match(line.strip())
        if found:
            listed[found.group(1)] = found.group(2)
    return listed


def take_offline(portal: PortalServer, document_id: str) -> str:
    """`portal documents offline`: the portal copy is deleted, the member can request it back."""
    return portal.run_command("documents", "offline", document_id)


def file_document(portal: PortalServer, member_number: str, pdf: bytes, category: str, title: str,
                  date: str | None = None) -> str:
    """`portal documents add`: files a PDF in the member file and puts it
    online with an inbox message; returns the new document's id."""
    with tempfile.TemporaryDirectory(prefix="e2e-document-") as directory:
        path = Path(directory) / "document.pdf"
        path.write_bytes(pdf)
        arguments = ["documents", "add", member_number, str(path), "--category", category, "--title", title]
        if date:
            arguments += ["--date", date]
        output = portal.run_command(*arguments)
    found = re.search(r"added ([0-9A-F-]{36})", output)
    assert found, f"portal documents add printed no id: {output}"
    return found.group(1)


def minimal_pdf(text: str) -> bytes:
    """A small, valid one-page PDF showing `text` (ASCII), with a correct cross-reference table."""
    safe = text.encode("ascii", "replace").decode("ascii").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = f"BT /F1 14 Tf 72 760 Td ({safe}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
