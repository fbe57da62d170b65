import Fluent
import Foundation
import PortalDomain
import PortalPDF

/// Builds each certificate from the imported records as they are now.
///
/// A certificate is a statement the fund signs with its seal, so every text
/// says only what the imported records say, names the data date it rests on,
/// and never puts the fund's name after an article: "des Rechtsanwaltsversorgung
/// Musterstadt" is wrong for one fund and "der Versorgungswerk" for another, so
/// the name stands alone as a value ("Versorgungseinrichtung: <Name>").
/// The texts come from the catalogue (`certificate.*`), in German; the
/// membership certificate, often shown to foreign authorities, also in English.
package struct CertificateBuilder {
    package let fund: FundProfile
    package let now: Date
    package let texts: LocalizationCatalogue

    package struct NoData: Error {
    }

    package func build(_ kind: CertificateKind, year: Int?, member: Member, on db: any Database) async throws -> (title: String, spec: PDFDocumentSpec) {
        let memberID = try member.requireID()
        let dataDate = try await Self.dataDate(of: kind, member: member, on: db)
        let title: String
        var blocks: [Block]
        var sealNote = true
        switch kind {
        case .contributions:
            let year = year ?? 0
            let all = try await ContributionRecord.query(on: db).filter(\.$member.$id == memberID).all()
            title = t("certificate.contributions.title", String(year))
            // What was paid in the year only when every contribution has its payment
            // date; one without would make the year's payments look complete when not.
            let paid = all.filter { $0.paidOn?.hasPrefix("\(year)-") == true }
            if !all.isEmpty, all.allSatisfy({ $0.paidOn != nil }), !paid.isEmpty {
                blocks = paidContributions(paid.sorted { ($0.paidOn ?? "", $0.year, $0.month) < ($1.paidOn ?? "", $1.year, $1.month) },
                                           year: year, member: member, dataDate: dataDate)
            } else {
                let rows = all.filter { $0.year == year }.sorted { $0.month < $1.month }
                guard !rows.isEmpty else { throw NoData() }
                blocks = contributions(rows.map { ($0.month, $0.amountCents) }, year: year, member: member, dataDate: dataDate)
            }
        case .pensionPayments:
            let year = year ?? 0
            let rows = try await PensionPayment.query(on: db).filter(\.$member.$id == memberID).filter(\.$year == year).sort(\.$month).all()
            guard !rows.isEmpty else { throw NoData() }
            title = t("certificate.pensionPayments.title", String(year))
            blocks = pensionPayments(rows.map { ($0.month, $0.grossCents) }, year: year, member: member, dataDate: dataDate)
        case .membership:
            title = t("certificate.membership.title")
            blocks = membership(member, dataDate: dataDate)
        case .entitlement:
            guard let figures = try await Entitlement.current(for: memberID, on: db) else { throw NoData() }
            title = t("certificate.entitlement.title")
            blocks = entitlement(figures, member: member, dataDate: dataDate)
        case .proofOfLife:
            title = t("certificate.proofOfLife.title")
            blocks = proofOfLife(member, dataDate: dataDate)
            // A form to be signed: no sentence that it needs no signature.
            sealNote = false
        }
        if sealNote {
            blocks.append(.paragraph(t("certificate.sealNote")))
            if kind == .membership { blocks.append(.paragraph(en("certificate.sealNote"))) }
        }
        let spec = PDFDocumentSpec(
            title: title, author: fund.name, creationDate: now, letterhead: CertificateLayout.letterhead(fund),
            recipientAddress: [member.displayName, member.street, "\(member.postalCode) \(member.city)"] + (member.country == "DE" ? [] : [member.country]),
            blocks: blocks)
        return (title, spec)
    }

    /// A German certificate text from the catalogue.
    package func t(_ key: String, _ arguments: String...) -> String {
        texts.text(key, .de, arguments)
    }

    /// The English text, for the bilingual membership certificate.
    package func en(_ key: String, _ arguments: String...) -> String {
        texts.text(key, .en, arguments)
    }

    /// "Mitgliedsnummer / Member number" where the certificate is bilingual.
    package func label(_ key: String, bilingual: Bool) -> String {
        bilingual ? "\(t(key)) / \(en(key))" : t(key)
    }

    package func identity(_ member: Member, bilingual: Bool = false) -> [KeyValue] {
        [KeyValue(label("certificate.label.memberNumber", bilingual: bilingual), member.memberNumber),
         KeyValue(label("certificate.label.name", bilingual: bilingual), member.displayName)]
    }

    /// Issuer, issue date and data date on every certificate.
    package func issued(_ dataDate: Date, bilingual: Bool = false) -> [KeyValue] {
        var data = t("certificate.dataDate", Format.date(dataDate, .de))
        if bilingual { data += " / " + en("certificate.dataDate", englishDate(dataDate)) }
        return [KeyValue(label("certificate.label.fund", bilingual: bilingual), fund.name),
                KeyValue(label("certificate.label.issued", bilingual: bilingual),
                         bilingual ? "\(Format.date(now, .de)) / \(englishDate(now))" : Format.date(now, .de)),
                KeyValue(label("certificate.label.dataDate", bilingual: bilingual), data)]
    }

    package func birthDate(_ member: Member) -> String {
        PartialDate(iso: member.dateOfBirth).map { Format.date($0, .de) } ?? member.dateOfBirth
    }

    /// "12 August 1964": 12/08/1964 reads as December 8th in some countries the
    /// bilingual certificate is shown in, so the English part spells the month.
    package func englishDate(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let name = en("certificate.month.\(month)")
        return date.day.map { "\($0) \(name) \(date.year)" } ?? "\(name) \(date.year)"
    }

    package func englishDate(_ instant: Date) -> String {
        let parts = Calendar.berlin.dateComponents([.year, .month, .day], from: instant)
        return englishDate(PartialDate(year: parts.year ?? 1970, month: parts.month, day: parts.day))
    }

    /// The last import of the data the certificate's figures rest on; for data
    /// older than the import record, the member's own last import.
    package static func dataDate(of kind: CertificateKind, member: Member, on db: any Database) async throws -> Date {
        let kinds: [CoreDataImporter.Kind] = switch kind {
        case .contributions: [.contributions]
        case .entitlement: [.entitlements]
        case .pensionPayments: [.payments]
        case .membership, .proofOfLife: [.members]
        }
        return try await ImportRun.latest(of: kinds.map(\.rawValue), on: db) ?? member.updatedAt
    }

    /// "Dezember 2024", from the catalogue.
    package func month(_ month: Int, _ year: Int) -> String {
        "\(t("certificate.month.\(month)")) \(year)"
    }
}
