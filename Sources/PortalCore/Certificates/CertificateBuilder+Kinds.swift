import Foundation
import PortalDomain
import PortalPDF

/// The blocks of each certificate kind.
extension CertificateBuilder {
    /// Amounts are imported per booking month, not per payment date, so the
    /// certificate states booked contributions; § 10 EStG counts the year of
    /// payment (§ 11 Abs. 2 EStG), which the certificate does not claim to know.
    package func contributions(_ rows: [(month: Int, cents: Int64)], year: Int, member: Member, dataDate: Date) -> [Block] {
        [
            .heading(t("certificate.contributions.title", String(year)), level: 1),
            .keyValues(identity(member) + [period(year)] + issued(dataDate)),
            .paragraph(t("certificate.contributions.statement", String(year))),
            .paragraph(t("certificate.contributions.tax")),
            monthTable(rows, year: year, header: [t("certificate.contributions.month"), t("certificate.contributions.amount")]),
        ]
    }

    /// With payment dates: the contributions paid in the calendar year, whatever
    /// month they were for, as § 10 EStG with § 11 Abs. 2 EStG counts them.
    package func paidContributions(_ rows: [ContributionRecord], year: Int, member: Member, dataDate: Date) -> [Block] {
        let sum = rows.reduce(Int64(0)) { $0 + $1.amountCents }
        let day = { (row: ContributionRecord) in row.paidOn.flatMap(PartialDate.init(iso:)).map { Format.date($0, .de) } ?? "" }
        return [
            .heading(t("certificate.contributions.title", String(year)), level: 1),
            .keyValues(identity(member) + [period(year)] + issued(dataDate)),
            .paragraph(t("certificate.contributions.paidStatement", String(year))),
            .paragraph(t("certificate.contributions.paidTax")),
            .table(Table(header: [t("certificate.contributions.paidOn"), t("certificate.contributions.month"), t("certificate.contributions.paidAmount")],
                         rows: rows.map { [day($0), month($0.month, $0.year), Format.euros(cents: $0.amountCents, .de)] },
                         footer: [t("certificate.sum"), "", Format.euros(cents: sum, .de)], columnWidths: [2, 2, 2],
                         alignments: [.leading, .leading, .trailing])),
        ]
    }

    package func pensionPayments(_ rows: [(month: Int, cents: Int64)], year: Int, member: Member, dataDate: Date) -> [Block] {
        [
            .heading(t("certificate.pensionPayments.title", String(year)), level: 1),
            .keyValues(identity(member) + [period(year)] + issued(dataDate)),
            .paragraph(t("certificate.pensionPayments.statement", String(year))),
            monthTable(rows, year: year, header: [t("certificate.pensionPayments.month"), t("certificate.pensionPayments.amount")]),
        ]
    }

    /// Only what the record says: the kind of membership when the core system
    /// exports it, nothing about it when not. Nothing about statutory pension
    /// insurance: an employed member's exemption is decided per employment
    /// (§ 6 SGB VI), by application, not by this certificate. Bilingual, as it
    /// is often shown to authorities abroad.
    package func membership(_ member: Member, dataDate: Date) -> [Block] {
        var facts = identity(member, bilingual: true)
            + [KeyValue(label("certificate.label.dateOfBirth", bilingual: true), "\(birthDate(member)) / \(PartialDate(iso: member.dateOfBirth).map(englishDate) ?? member.dateOfBirth)")]
        let kind = member.membershipKind
        if let kind {
            facts.append(KeyValue(label("certificate.membership.kind", bilingual: true),
                                  "\(t("certificate.membership.kind.\(kind.rawValue)")) / \(en("certificate.membership.kind.\(kind.rawValue)"))"))
        }
        let statement = "certificate.membership.statement.\(kind?.rawValue ?? "unknown")"
        return [
            .heading("\(t("certificate.membership.title")) / \(en("certificate.membership.title"))", level: 1),
            .keyValues(facts + issued(dataDate, bilingual: true)),
            .paragraph(t(statement, Format.date(dataDate, .de))),
            .paragraph(en(statement, englishDate(dataDate))),
        ]
    }

    /// The core system's figures as computed, never the portal's own arithmetic;
    /// a statement, not a decision, and the projection with its assumption.
    package func entitlement(_ figures: Entitlement, member: Member, dataDate: Date) -> [Block] {
        let asOf = PartialDate(iso: figures.asOf).map { Format.date($0, .de) } ?? figures.asOf
        let retirement = figures.regularRetirementDate.flatMap(PartialDate.init(iso:)).map { Format.date($0, .de) }
        var rows = [[t("certificate.entitlement.accrued"), Format.euros(cents: figures.accruedMonthlyCents, .de)]]
        if let projected = figures.projectedMonthlyCents {
            let item = retirement.map { t("certificate.entitlement.projected", $0) } ?? t("certificate.entitlement.projectedAtRegularAge")
            rows.append([item, Format.euros(cents: projected, .de)])
        }
        if let disability = figures.disabilityMonthlyCents {
            rows.append([t("certificate.entitlement.disability", asOf), Format.euros(cents: disability, .de)])
        }
        var blocks: [Block] = [
            .heading(t("certificate.entitlement.title"), level: 1),
            .keyValues(identity(member) + [KeyValue(t("certificate.entitlement.asOf"), asOf)]
                       + (retirement.map { [KeyValue(t("certificate.entitlement.retirement"), $0)] } ?? []) + issued(dataDate)),
            .paragraph(t("certificate.entitlement.intro", asOf)),
            .table(Table(header: [t("certificate.entitlement.item"), t("certificate.entitlement.amount")], rows: rows,
                         columnWidths: [3, 2], alignments: [.leading, .trailing])),
        ]
        if figures.projectedMonthlyCents != nil, let assumption = figures.projectionAssumption {
            blocks.append(.paragraph(t("certificate.entitlement.assumption", assumption)))
        }
        blocks.append(.paragraph(t("certificate.entitlement.disclaimer")))
        return blocks
    }

    /// A form the pensioner signs in front of an official who confirms it with
    /// signature and stamp; the seal only shows that the pre-filled data is ours.
    package func proofOfLife(_ member: Member, dataDate: Date) -> [Block] {
        let line = "______________________________________________"
        return [
            .heading(t("certificate.proofOfLife.title"), level: 1),
            .keyValues(identity(member) + [KeyValue(t("certificate.label.dateOfBirth"), birthDate(member)),
                                          KeyValue(t("certificate.label.address"), "\(member.street), \(member.postalCode) \(member.city)")]
                       + issued(dataDate)),
            .paragraph(t("certificate.proofOfLife.instructions")),
            .paragraph(t("certificate.proofOfLife.closing")),
            .heading(t("certificate.proofOfLife.declarationHeading"), level: 2),
            .paragraph(t("certificate.proofOfLife.declaration")),
            .spacer(24),
            .paragraph(line),
            .paragraph(t("certificate.proofOfLife.declarationSignature")),
            .heading(t("certificate.proofOfLife.officialHeading"), level: 2),
            .paragraph(t("certificate.proofOfLife.official")),
            .paragraph(t("certificate.proofOfLife.idDocument")),
            .spacer(24),
            .paragraph(line),
            .paragraph(t("certificate.proofOfLife.officialSignature")),
        ]
    }

    private func period(_ year: Int) -> KeyValue {
        KeyValue(t("certificate.label.period"), "01.01.\(year) – 31.12.\(year)")
    }

    private func monthTable(_ rows: [(month: Int, cents: Int64)], year: Int, header: [String]) -> Block {
        let sum = rows.reduce(Int64(0)) { $0 + $1.cents }
        return .table(Table(header: header,
                            rows: rows.map { [month($0.month, year), Format.euros(cents: $0.cents, .de)] },
                            footer: [t("certificate.sum"), Format.euros(cents: sum, .de)], columnWidths: [3, 2], alignments: [.leading, .trailing]))
    }
}
