import Foundation
@testable import PortalPDF

/// Shared inputs: the fonts (parsed once), a development seal, a sample
/// contribution certificate and a scratch folder.
enum Fixtures {
    static let fonts = Result { try FontSet() }
    static let sealPEM = Result { try SealIdentity.makeDevelopmentPEM(organization: "Versorgungswerk der Rechtsanwälte Musterland") }

    static func renderer() throws -> PDFRenderer { PDFRenderer(fonts: try fonts.get()) }

    static func identity() throws -> SealIdentity {
        let pem = try sealPEM.get()
        return try SealIdentity(pemCertificate: pem.certificate, pemPrivateKey: pem.privateKey)
    }

    /// 29 November 2026, 10:15:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_795_947_300)

    static let letterhead = Letterhead(
        name: "Versorgungswerk der Rechtsanwälte Musterland",
        addressLines: ["Körperschaft des öffentlichen Rechts", "Königsallee 12 · 40212 Musterstadt", "Telefon 0211 123456-0 · service@vw-musterland.example"],
        returnAddress: "Versorgungswerk der Rechtsanwälte Musterland · Königsallee 12 · 40212 Musterstadt"
    )

    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]

    /// The sample "Beitragsbescheinigung 2025": letterhead, address, a 12-month table and a sum.
    static func certificate(rows: Int = 12, attachment: Attachment? = jsonAttachment) -> PDFDocumentSpec {
        let tableRows = (0..<rows).map { index in
            ["\(months[index % 12]) 2025", "1.234,56 €", "617,28 €", "617,28 €"]
        }
        return PDFDocumentSpec(
            title: "Beitragsbescheinigung 2025",
            author: "Versorgungswerk der Rechtsanwälte Musterland",
            creationDate: date,
            letterhead: letterhead,
            recipientAddress: ["Frau", "Dr. Jördis Müller-Weiß", "Straße des Glücks 7", "12345 Überlingen"],
            blocks: [
                .heading("Beitragsbescheinigung 2025", level: 1),
                .keyValues([KeyValue("Mitgliedsnummer", "12345/01"), KeyValue("Zeitraum", "01.01.2025 – 31.12.2025"), KeyValue("Datum", "29.11.2026")]),
                .paragraph("Sehr geehrte Frau Dr. Müller-Weiß,"),
                .paragraph("hiermit bescheinigen wir Ihnen die im Jahr 2025 an das Versorgungswerk gezahlten Beiträge. Diese Bescheinigung können Sie Ihrem Finanzamt für die Einkommensteuererklärung (Vorsorgeaufwendungen) vorlegen."),
                .table(Table(
                    header: ["Monat", "Beitrag", "davon Mitglied", "davon Arbeitgeber"],
                    rows: tableRows,
                    footer: ["Summe", "14.814,72 €", "7.407,36 €", "7.407,36 €"],
                    columnWidths: [3, 2, 2, 2.4],
                    alignments: [.leading, .trailing, .trailing, .trailing]
                )),
                .paragraph("Dieses Dokument trägt das elektronische Siegel des Versorgungswerks und ist ohne Unterschrift gültig."),
                .paragraph("Mit freundlichen Grüßen", bold: false),
                .paragraph("Ihr Versorgungswerk", bold: true),
            ],
            attachment: attachment
        )
    }

    static let json = #"{"mitgliedsnummer":"12345/01","jahr":2025,"summe":"14814.72","name":"Jördis Müller-Weiß"}"#
    static let jsonAttachment = Attachment(
        fileName: "beitragsbescheinigung-2025.json", mimeType: "application/json", data: Array(json.utf8), description: "Daten der Bescheinigung"
    )

    static func seal(at date: Date = Fixtures.date) throws -> PDFSeal {
        PDFSeal(identity: try identity(), reason: "Elektronisches Siegel des Versorgungswerks", location: "Musterstadt", signingTime: date)
    }

    /// One scratch folder per test process; folders left by earlier runs are removed once they are an hour old.
    static let scratch: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix("portalpdf-tests-") {
            let url = temporary.appendingPathComponent(name)
            if let modified = try? files.attributesOfItem(atPath: url.path)[.modificationDate] as? Date, modified < Date().addingTimeInterval(-3600) {
                try? files.removeItem(at: url)
            }
        }
        return temporary.appendingPathComponent("portalpdf-tests-\(ProcessInfo.processInfo.processIdentifier)")
    }()

    /// Writes `bytes` to a fresh file in the scratch folder and returns its URL.
    static func write(_ bytes: [UInt8], name: String = "document.pdf") throws -> URL {
        let directory = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func writeCertificatePEM() throws -> URL {
        try write(Array(try sealPEM.get().certificate.utf8), name: "seal.pem")
    }
}
