import Fluent
import Foundation
import PortalDomain

/// Writes inbox messages; every processing step calls this inside its own
/// transaction, so the message exists exactly when the step happened.
package enum Inbox {
    package enum Kind: String, CaseIterable {
        case welcome = "registration.activated"
        case cardChanged = "account.card_changed"
        case certificateReady = "certificate.ready"
        case documentProvided = "document.provided"
        case documentRestored = "document.restored"
        case documentExpiring = "document.expiring"
        case emailConfirmed = "email.confirmed"
        case contactReceived = "contact.received"
        case applicationReceived = "application.received"
        case bankDetailsChanged = "application.bankDetailsChanged"
        case draftExpiring = "application.draftExpiring"
        case draftDeleted = "application.draftDeleted"
    }

    /// A message parameter is stored as a value, not as formatted text: a date
    /// formatted when the message was written would stay German on an English page.
    package enum Parameter: Codable, Equatable, Sendable {
        case text(String)
        /// A calendar day, `YYYY-MM-DD` (Berlin time).
        case date(String)

        package static func day(of instant: Date) -> Parameter {
            let parts = Calendar.berlin.dateComponents([.year, .month, .day], from: instant)
            return .date("\(Format.pad(parts.year ?? 1970, 4))-\(Format.pad(parts.month ?? 1, 2))-\(Format.pad(parts.day ?? 1, 2))")
        }

        package func text(in language: LocalizationCatalogue.Language) -> String {
            switch self {
            case .text(let text): text
            case .date(let iso): PartialDate(iso: iso).map { Format.date($0, language) } ?? iso
            }
        }

        private enum Keys: String, CodingKey { case date }

        /// Plain text stays a JSON string, so messages written before dates were values still read.
        package init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .text(text)
            } else {
                self = .date(try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .date))
            }
        }

        package func encode(to encoder: any Encoder) throws {
            switch self {
            case .text(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .date(let iso):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(iso, forKey: .date)
            }
        }
    }

    package static func post(_ kind: Kind, to memberID: UUID, parameters: [String], documentID: UUID? = nil,
                     on db: any Database, at now: Date) async throws {
        try await post(kind, to: memberID, values: parameters.map(Parameter.text), documentID: documentID, on: db, at: now)
    }

    package static func post(_ kind: Kind, to memberID: UUID, values: [Parameter] = [], documentID: UUID? = nil,
                     on db: any Database, at now: Date) async throws {
        let message = InboxMessage()
        message.memberID = memberID
        message.kind = kind.rawValue
        message.parametersJSON = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        message.documentID = documentID
        message.createdAt = now
        try await message.create(on: db)
    }
}
