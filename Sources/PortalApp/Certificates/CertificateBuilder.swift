import Fluent
import Foundation
import PortalDomain
import PortalPDF

/// Builds each certificate from the imported records as they are now.
struct CertificateBuilder {
    let fund: FundProfile
    let now: Date

    struct NoData: Error {}

    func build(_ kind: CertificateKind, year: Int?, member: Member, on db: any Database) async throws -> (title: String, spec: PDFDocumentSpec) {
        let memberID = try member.requireID()
        let today = Format.date(now, .de)
        var blocks: [Block] = []
        let title: String
        switch kind {
        case .contributions:
            let year = year ?? 0
            let rows = try await ContributionRecord.query(on: db).filter(\.$member.$id == memberID).filter(\.$year == year).sort(\.$month).all()
            guard !rows.isEmpty else { throw NoData() }
            title = "Beitragsbescheinigung \(year)"
            let sum = rows.reduce(Int64(0)) { $0 + $1.amountCents }
            blocks = [
                .heading(title, level: 1),
                .keyValues(identity(member) + [KeyValue("Zeitraum", "01.01.\(year) – 31.12.\(year)"), KeyValue("Ausgestellt am", today)]),
                .paragraph("Wir bescheinigen die im Kalenderjahr \(year) an das \(fund.name) gezahlten Beiträge. Beiträge zu berufsständischen Versorgungseinrichtungen sind Altersvorsorgeaufwendungen nach § 10 Abs. 1 Nr. 2 Buchst. a EStG."),
                .table(Table(header: ["Monat", "Beitrag"],
                             rows: rows.map { [Self.monthNames[$0.month - 1] + " \(year)", Format.euros(cents: $0.amountCents, .de)] },
                             footer: ["Summe", Format.euros(cents: sum, .de)], columnWidths: [3, 2], alignments: [.leading, .trailing])),
            ]
        case .pensionPayments:
            let year = year ?? 0
            let rows = try await PensionPayment.query(on: db).filter(\.$member.$id == memberID).filter(\.$year == year).sort(\.$month).all()
            guard !rows.isEmpty else { throw NoData() }
            title = "Rentenbezugsbescheinigung \(year)"
            let sum = rows.reduce(Int64(0)) { $0 + $1.grossCents }
            blocks = [
                .heading(title, level: 1),
                .keyValues(identity(member) + [KeyValue("Zeitraum", "01.01.\(year) – 31.12.\(year)"), KeyValue("Ausgestellt am", today)]),
                .paragraph("Wir bescheinigen die im Kalenderjahr \(year) gezahlten Renten (brutto) zur Vorlage beim Finanzamt (Leibrenten aus berufsständischen Versorgungseinrichtungen, § 22 Nr. 1 Satz 3 Buchst. a Doppelbuchst. aa EStG)."),
                .table(Table(header: ["Monat", "Rente (brutto)"],
                             rows: rows.map { [Self.monthNames[$0.month - 1] + " \(year)", Format.euros(cents: $0.grossCents, .de)] },
                             footer: ["Summe", Format.euros(cents: sum, .de)], columnWidths: [3, 2], alignments: [.leading, .trailing])),
            ]
        case .membership:
            title = "Mitgliedsbescheinigung"
            blocks = [
                .heading(title, level: 1),
                .keyValues(identity(member) + [KeyValue("Geburtsdatum", PartialDate(iso: member.dateOfBirth).map { Format.date($0, .de) } ?? member.dateOfBirth),
                                              KeyValue("Ausgestellt am", today)]),
                .paragraph("Wir bestätigen, dass die oben genannte Person am \(today) Pflichtmitglied des \(fund.name) ist. Die Mitgliedschaft ersetzt für die berufliche Tätigkeit die gesetzliche Rentenversicherung."),
            ]
        case .entitlement:
            let rows = try await ContributionRecord.query(on: db).filter(\.$member.$id == memberID).all()
            guard !rows.isEmpty else { throw NoData() }
            title = "Renteninformation"
            let sum = rows.reduce(Int64(0)) { $0 + $1.amountCents }
            let years = Set(rows.map(\.year)).sorted()
            blocks = [
                .heading(title, level: 1),
                .keyValues(identity(member) + [KeyValue("Stand", today)]),
                .paragraph("Diese Information fasst die bei uns verbuchten Beiträge zusammen, auf denen Ihre Anwartschaft beruht. Die Höhe Ihrer Rente setzen wir bei Rentenbeginn durch Bescheid fest."),
                .table(Table(header: ["Angabe", "Wert"],
                             rows: [["Beitragsmonate", "\(rows.count)"], ["Erfasste Jahre", "\(years.first ?? 0) – \(years.last ?? 0)"],
                                    ["Summe der Beiträge", Format.euros(cents: sum, .de)]],
                             columnWidths: [3, 2], alignments: [.leading, .trailing])),
            ]
        case .proofOfLife:
            title = "Lebensbescheinigung"
            blocks = [
                .heading(title, level: 1),
                .keyValues(identity(member) + [KeyValue("Geburtsdatum", PartialDate(iso: member.dateOfBirth).map { Format.date($0, .de) } ?? member.dateOfBirth),
                                              KeyValue("Anschrift", "\(member.street), \(member.postalCode) \(member.city)")]),
                .paragraph("Bitte lassen Sie diese vorausgefüllte Bescheinigung von einer amtlichen Stelle (Bürgeramt, Gemeinde, Notar, Konsulat) bestätigen und senden Sie sie uns zurück."),
                .paragraph("Bestätigung der amtlichen Stelle: Die oben genannte Person hat am ________________ persönlich vorgesprochen und lebt.", bold: true),
                .spacer(40),
                .paragraph("Ort, Datum, Dienstsiegel, Unterschrift"),
            ]
        }
        blocks.append(.paragraph("Dieses Dokument wurde maschinell erstellt und trägt das elektronische Siegel des \(fund.name); es ist ohne Unterschrift gültig."))
        let spec = PDFDocumentSpec(
            title: title, author: fund.name, creationDate: now, letterhead: CertificateLayout.letterhead(fund),
            recipientAddress: [member.displayName, member.street, "\(member.postalCode) \(member.city)"] + (member.country == "DE" ? [] : [member.country]),
            blocks: blocks)
        return (title, spec)
    }

    private func identity(_ member: Member) -> [KeyValue] {
        [KeyValue("Mitgliedsnummer", member.memberNumber), KeyValue("Name", member.displayName)]
    }

    static let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
}
