import Fluent
import Foundation
import PortalDomain
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// The card's data beside the record's, field by field, so a case worker can
/// decide a registration in review without opening two systems. The eID
/// carries no address: that row shows only the record's.
struct RegistrationComparison {
    struct Row: Equatable {
        let field: String
        let card: String
        let record: String
        /// Whether the two read the same to a person (exact, after trimming and case); "-" when either side is missing.
        var mark: String {
            guard card != "-", record != "-" else { return "-" }
            return card.lowercased() == record.lowercased() ? "same" : "DIFFERENT"
        }
    }

    let rows: [Row]

    init(registration: Registration, member: Member?) {
        let card = try? JSONDecoder().decode(EIDIdentity.self, from: Data(registration.identityJSON.utf8))
        func value(_ text: String?) -> String {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return "-" }
            return text
        }
        let address = member.map { "\($0.street), \($0.postalCode) \($0.city), \($0.country)" }
        rows = [
            Row(field: "family name", card: value(card?.familyNames), record: value(member?.familyName)),
            Row(field: "given names", card: value(card?.givenNames), record: value(member?.givenNames)),
            Row(field: "birth name", card: value(card?.birthName), record: value(member?.birthName)),
            Row(field: "academic degree", card: value(card?.academicTitle), record: value(member?.academicDegree)),
            Row(field: "date of birth", card: value(card?.dateOfBirth.description), record: value(member?.dateOfBirth)),
            Row(field: "address", card: "- (not on the eID)", record: value(address)),
            Row(field: "document", card: value(card.map { "\($0.documentType), \($0.issuingState), \($0.levelOfAssurance)" }), record: "-"),
        ]
    }

    static func load(_ registration: Registration, on database: any Database) async throws -> (RegistrationComparison, Member?) {
        let member = try await Member.query(on: database).filter(\.$memberNumber == registration.memberNumber).first()
        return (RegistrationComparison(registration: registration, member: member), member)
    }

    /// One line per field: `field | card | record | same/DIFFERENT`, for a terminal (Console.line escapes it).
    var lines: [String] {
        let width = rows.map(\.field.count).max() ?? 0
        let cardWidth = max("card (eID)".count, rows.map(\.card.count).max() ?? 0)
        let header = "  " + "field".padding(toLength: width, withPad: " ", startingAt: 0) + "  " +
            "card (eID)".padding(toLength: cardWidth, withPad: " ", startingAt: 0) + "  record"
        return [header] + rows.map { row in
            "  " + row.field.padding(toLength: width, withPad: " ", startingAt: 0) + "  " +
                row.card.padding(toLength: cardWidth, withPad: " ", startingAt: 0) + "  " + row.record + "  [\(row.mark)]"
        }
    }
}
