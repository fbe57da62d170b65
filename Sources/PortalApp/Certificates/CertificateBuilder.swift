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
struct CertificateBuilder {
    let fund: FundProfile
    let now: Date

    struct NoData: Error {}

    func build(_ kind: CertificateKind, year: Int?, member: Member, on db: any Database) async throws -> (title: String, spec: PDFDocumentSpec) {
        let memberID = try member.requireID()
        let dataDate = Format.date(try await Self.dataDate(of: kind, member: member, on: db), .de)
        let title: String
        var blocks: [Block]
        var sealNote = true
        switch kind {
        case .contributions:
            let year = year ?? 0
            let rows = try await ContributionRecord.query(on: db).filter(\.$member.$id == memberID).filter(\.$year == year).sort(\.$month).all()
            guard !rows.isEmpty else { throw NoData() }
            title = "Beitragsbescheinigung \(year)"
            blocks = contributions(rows, year: year, member: member, dataDate: dataDate)
        case .pensionPayments:
            let year = year ?? 0
            let rows = try await PensionPayment.query(on: db).filter(\.$member.$id == memberID).filter(\.$year == year).sort(\.$month).all()
            guard !rows.isEmpty else { throw NoData() }
            title = "Rentenbezugsbescheinigung \(year)"
            let sum = rows.reduce(Int64(0)) { $0 + $1.grossCents }
            blocks = [
                .heading(title, level: 1),
                .keyValues(identity(member) + [KeyValue("Zeitraum", "01.01.\(year) – 31.12.\(year)")] + issued(dataDate)),
                .paragraph("Wir bescheinigen der oben genannten Person die Renten (brutto), die für die Monate des Kalenderjahres \(year) nach unseren Unterlagen gezahlt wurden, zur Vorlage beim Finanzamt (Leibrenten aus berufsständischen Versorgungseinrichtungen, § 22 Nr. 1 Satz 3 Buchst. a Doppelbuchst. aa EStG)."),
                .table(Table(header: ["Monat", "Rente (brutto)"],
                             rows: rows.map { [Self.monthNames[$0.month - 1] + " \(year)", Format.euros(cents: $0.grossCents, .de)] },
                             footer: ["Summe", Format.euros(cents: sum, .de)], columnWidths: [3, 2], alignments: [.leading, .trailing])),
            ]
        case .membership:
            title = "Mitgliedsbescheinigung"
            blocks = membership(member, dataDate: dataDate)
        case .entitlement:
            guard let figures = try await Entitlement.current(for: memberID, on: db) else { throw NoData() }
            title = "Renteninformation"
            blocks = entitlement(figures, member: member, dataDate: dataDate)
        case .proofOfLife:
            title = "Lebensbescheinigung"
            blocks = proofOfLife(member, dataDate: dataDate)
            sealNote = false
        }
        if sealNote {
            blocks.append(.paragraph("Dieses Dokument wurde maschinell aus unserem Datenbestand erstellt und mit dem elektronischen Siegel der ausstellenden Versorgungseinrichtung versehen; es wird nicht zusätzlich von Hand unterschrieben."))
        }
        let spec = PDFDocumentSpec(
            title: title, author: fund.name, creationDate: now, letterhead: CertificateLayout.letterhead(fund),
            recipientAddress: [member.displayName, member.street, "\(member.postalCode) \(member.city)"] + (member.country == "DE" ? [] : [member.country]),
            blocks: blocks)
        return (title, spec)
    }

    /// Amounts are imported per booking month, not per payment date, so the
    /// certificate states booked contributions; § 10 EStG counts the year of
    /// payment (§ 11 Abs. 2 EStG), which the certificate does not claim to know.
    private func contributions(_ rows: [ContributionRecord], year: Int, member: Member, dataDate: String) -> [Block] {
        let sum = rows.reduce(Int64(0)) { $0 + $1.amountCents }
        return [
            .heading("Beitragsbescheinigung \(year)", level: 1),
            .keyValues(identity(member) + [KeyValue("Zeitraum", "01.01.\(year) – 31.12.\(year)")] + issued(dataDate)),
            .paragraph("Wir bescheinigen der oben genannten Person die für das Kalenderjahr \(year) gebuchten Beiträge an die oben genannte Versorgungseinrichtung, Monat für Monat nach dem Beitragsmonat, für den sie gebucht sind."),
            .paragraph("Beiträge zu berufsständischen Versorgungseinrichtungen, die den gesetzlichen Rentenversicherungen vergleichbare Leistungen erbringen, gehören zu den Altersvorsorgeaufwendungen nach § 10 Abs. 1 Nr. 2 Buchst. a EStG. Für den Abzug kommt es auf das Jahr der Zahlung an (§ 11 Abs. 2 EStG); diese Bescheinigung weist die Beiträge nach Beitragsmonaten aus, nicht nach dem Tag der Zahlung."),
            .table(Table(header: ["Beitragsmonat", "Gebuchter Beitrag"],
                         rows: rows.map { [Self.monthNames[$0.month - 1] + " \(year)", Format.euros(cents: $0.amountCents, .de)] },
                         footer: ["Summe", Format.euros(cents: sum, .de)], columnWidths: [3, 2], alignments: [.leading, .trailing])),
        ]
    }

    /// The core system's figures as computed, never the portal's own arithmetic;
    /// a statement, not a decision, and the projection with its assumption.
    private func entitlement(_ figures: Entitlement, member: Member, dataDate: String) -> [Block] {
        let asOf = PartialDate(iso: figures.asOf).map { Format.date($0, .de) } ?? figures.asOf
        var rows = [["Bisher erreichte monatliche Altersrente", Format.euros(cents: figures.accruedMonthlyCents, .de)]]
        if let projected = figures.projectedMonthlyCents {
            let at = figures.regularRetirementDate.flatMap(PartialDate.init(iso:)).map { "ab \(Format.date($0, .de))" } ?? "ab der Regelaltersgrenze"
            rows.append(["Voraussichtliche monatliche Altersrente \(at) (Hochrechnung)", Format.euros(cents: projected, .de)])
        }
        if let disability = figures.disabilityMonthlyCents {
            rows.append(["Monatliche Rente bei Berufsunfähigkeit, wenn sie am \(asOf) eingetreten wäre", Format.euros(cents: disability, .de)])
        }
        var blocks: [Block] = [
            .heading("Renteninformation", level: 1),
            .keyValues(identity(member) + [KeyValue("Berechnet zum", asOf)]
                       + (figures.regularRetirementDate.flatMap(PartialDate.init(iso:)).map { [KeyValue("Regelaltersgrenze erreicht am", Format.date($0, .de))] } ?? [])
                       + issued(dataDate)),
            .paragraph("Diese Renteninformation gibt die Beträge wieder, die wir zum \(asOf) für die oben genannte Person berechnet haben (monatliche Bruttobeträge)."),
            .table(Table(header: ["Angabe", "Betrag monatlich"], rows: rows, columnWidths: [3, 2], alignments: [.leading, .trailing])),
        ]
        if figures.projectedMonthlyCents != nil, let assumption = figures.projectionAssumption {
            blocks.append(.paragraph("Annahme der Hochrechnung: \(assumption)"))
        }
        blocks.append(.paragraph("Diese Renteninformation ist kein Bescheid und begründet keinen Anspruch in der genannten Höhe. Die Rente setzen wir bei Rentenbeginn nach der dann geltenden Satzung durch Bescheid fest. Eine Hochrechnung beruht auf ihrer Annahme; andere Beiträge, Änderungen der Satzung und Anpassungen der Renten verändern sie."))
        return blocks
    }

    /// Only what the record says: the kind of membership when the core system
    /// exports it, nothing about it when not. Nothing about statutory pension
    /// insurance: an employed member's exemption is decided per employment
    /// (§ 6 SGB VI), by application, not by this certificate.
    private func membership(_ member: Member, dataDate: String) -> [Block] {
        var facts = identity(member) + [KeyValue("Geburtsdatum", birthDate(member))]
        let statement: String
        switch member.membershipKind {
        case .compulsory:
            facts.append(KeyValue("Art der Mitgliedschaft", "Pflichtmitgliedschaft"))
            statement = "Pflichtmitglied der oben genannten Versorgungseinrichtung"
        case .voluntary:
            facts.append(KeyValue("Art der Mitgliedschaft", "freiwillige Mitgliedschaft"))
            statement = "freiwilliges Mitglied der oben genannten Versorgungseinrichtung"
        case nil:
            statement = "Mitglied der oben genannten Versorgungseinrichtung"
        }
        return [
            .heading("Mitgliedsbescheinigung", level: 1),
            .keyValues(facts + issued(dataDate)),
            .paragraph("Wir bescheinigen, dass die oben genannte Person nach unserem Datenbestand (Datenstand: \(dataDate)) \(statement) ist."),
        ]
    }

    /// A form the pensioner signs in front of an official who confirms it with
    /// signature and stamp; the seal only shows that the pre-filled data is ours.
    private func proofOfLife(_ member: Member, dataDate: String) -> [Block] {
        [
            .heading("Lebensbescheinigung", level: 1),
            .keyValues(identity(member) + [KeyValue("Geburtsdatum", birthDate(member)),
                                          KeyValue("Anschrift", "\(member.street), \(member.postalCode) \(member.city)")] + issued(dataDate)),
            .paragraph("Bitte unterschreiben Sie diesen Vordruck in Gegenwart einer amtlichen Stelle (zum Beispiel Bürgeramt, Gemeindeverwaltung, Notarin oder Notar, deutsche Auslandsvertretung), lassen Sie ihn dort bestätigen und senden Sie ihn im Original an die oben genannte Versorgungseinrichtung zurück."),
            .heading("Erklärung der berechtigten Person", level: 2),
            .paragraph("Ich bin die oben genannte Person. Die Angaben oben sind richtig."),
            .spacer(36),
            .paragraph("______________________________________________"),
            .paragraph("Ort, Datum, Unterschrift der berechtigten Person"),
            .heading("Bestätigung der amtlichen Stelle", level: 2),
            .paragraph("Die oben genannte Person hat am ________________ vor mir persönlich vorgesprochen, sich mit einem amtlichen Lichtbildausweis ausgewiesen und die Erklärung oben in meiner Gegenwart unterschrieben. Sie lebt."),
            .spacer(12),
            .paragraph("Art und Nummer des Ausweises: ________________________________"),
            .spacer(36),
            .paragraph("______________________________________________"),
            .paragraph("Ort, Datum, Unterschrift, Dienstsiegel oder Stempel der amtlichen Stelle"),
            .paragraph("Die Lebensbescheinigung ist erst mit beiden Unterschriften und der Bestätigung der amtlichen Stelle vollständig. Wir haben den Vordruck maschinell vorausgefüllt; das elektronische Siegel der Datei zeigt nur, dass die vorausgefüllten Angaben von uns stammen, und ersetzt keine Unterschrift."),
        ]
    }

    private func identity(_ member: Member) -> [KeyValue] {
        [KeyValue("Mitgliedsnummer", member.memberNumber), KeyValue("Name", member.displayName)]
    }

    /// Issuer, issue date and data date on every certificate.
    private func issued(_ dataDate: String) -> [KeyValue] {
        [KeyValue("Versorgungseinrichtung", fund.name), KeyValue("Ausgestellt am", Format.date(now, .de)),
         KeyValue("Datenstand", "letzter Abgleich am \(dataDate)")]
    }

    private func birthDate(_ member: Member) -> String {
        PartialDate(iso: member.dateOfBirth).map { Format.date($0, .de) } ?? member.dateOfBirth
    }

    /// The last import of the data the certificate's figures rest on; for data
    /// older than the import record, the member's own last import.
    static func dataDate(of kind: CertificateKind, member: Member, on db: any Database) async throws -> Date {
        let kinds: [CoreDataImporter.Kind] = switch kind {
        case .contributions: [.contributions]
        case .entitlement: [.entitlements]
        case .pensionPayments: [.payments]
        case .membership, .proofOfLife: [.members]
        }
        return try await ImportRun.latest(of: kinds.map(\.rawValue), on: db) ?? member.updatedAt
    }

    static let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
}
