import Foundation
import PortalPDF

/// The one-page contribution certificate that `portal pdf sample` writes and
/// `portal-bench pdf` renders: the fund's own letterhead and seal with
/// made-up member data, so operators can check their configuration.
package enum SampleCertificate {
    package static func spec(fund: FundProfile, date: Date) -> PDFDocumentSpec {
        let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        let rows = months.map { ["\($0) 2025", "1.234,56 €"] }
        return PDFDocumentSpec(
            title: "Beitragsbescheinigung 2025 (Muster)",
            author: fund.name,
            creationDate: date,
            letterhead: CertificateLayout.letterhead(fund),
            recipientAddress: ["Frau", "Dr. Erika Musterfrau-Öztürk", "Heidestraße 17", "51147 Köln"],
            blocks: [
                .heading("Beitragsbescheinigung 2025", level: 1),
                .keyValues([KeyValue("Mitgliedsnummer", "99999/01"), KeyValue("Zeitraum", "01.01.2025 – 31.12.2025"),
                            KeyValue("Versorgungseinrichtung", fund.name)]),
                .paragraph("Wir bescheinigen die für das Kalenderjahr 2025 gebuchten Beiträge zur Vorlage beim Finanzamt (Beiträge zu berufsständischen Versorgungseinrichtungen, § 10 Abs. 1 Nr. 2 Buchst. a EStG)."),
                .table(Table(header: ["Beitragsmonat", "Gebuchter Beitrag"], rows: rows, footer: ["Summe", "14.814,72 €"],
                             columnWidths: [3, 2], alignments: [.leading, .trailing])),
                .paragraph("Dieses Dokument ist ein Muster mit erfundenen Daten. Es trägt das elektronische Siegel der ausstellenden Versorgungseinrichtung."),
            ]
        )
    }
}

/// Layout pieces every certificate shares.
package enum CertificateLayout {
    package static func letterhead(_ fund: FundProfile) -> Letterhead {
        Letterhead(name: fund.name, addressLines: fund.addressLines + ["Telefon \(fund.phone) · \(fund.email)"],
                   returnAddress: ([fund.name] + fund.addressLines).joined(separator: " · "))
    }
}
