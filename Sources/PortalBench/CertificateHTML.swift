import PortalApp
import PortalPDF
import PortalCore
import PortalWeb

/// The PDF benchmark's certificate as HTML for WeasyPrint: same texts, table
/// and fonts. Every text goes through the portal's own escaping (`HTML.escape`,
/// which also escapes quotes).
enum CertificateHTML {
    static func render(_ spec: PDFDocumentSpec) -> String {
        let escape = HTML.escape
        var body = "<header><strong>\(escape(spec.letterhead.name))</strong><br>\(spec.letterhead.addressLines.map(escape).joined(separator: "<br>"))</header>"
        body += "<address>\((spec.recipientAddress ?? []).map(escape).joined(separator: "<br>"))</address>"
        for block in spec.blocks {
            switch block {
            case .heading(let text, let level): body += "<h\(level)>\(escape(text))</h\(level)>"
            case .paragraph(let text, let bold): body += bold ? "<p><strong>\(escape(text))</strong></p>" : "<p>\(escape(text))</p>"
            case .keyValues(let pairs): body += "<dl>" + pairs.map { "<dt>\(escape($0.key))</dt><dd>\(escape($0.value))</dd>" }.joined() + "</dl>"
            case .table(let table):
                body += "<table><thead><tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                body += table.rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined()
                body += "</tbody>" + (table.footer.map { "<tfoot><tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr></tfoot>" } ?? "") + "</table>"
            case .spacer, .pageBreak: continue
            }
        }
        return """
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>\(escape(spec.title))</title><style>
            @page { size: A4; margin: 20mm 20mm 25mm 25mm; @bottom-center { content: "Seite " counter(page) " von " counter(pages); } }
            body { font-family: "DejaVu Sans"; font-size: 10pt; } address { margin: 15mm 0 10mm; font-style: normal; }
            table { width: 100%; border-collapse: collapse; } th, td { border-bottom: 0.5pt solid #999; padding: 2pt; }
            td:last-child, th:last-child { text-align: right; } tfoot td { font-weight: bold; }
            </style></head><body>\(body)</body></html>
            """
    }
}
