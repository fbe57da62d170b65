import Fluent
import Foundation

/// Writes inbox messages; every processing step calls this inside its own
/// transaction, so the message exists exactly when the step happened.
enum Inbox {
    enum Kind: String, CaseIterable {
        case welcome = "registration.activated"
        case cardChanged = "account.card_changed"
        case certificateReady = "certificate.ready"
        case documentProvided = "document.provided"
        case documentRestored = "document.restored"
        case documentExpiring = "document.expiring"
        case emailConfirmed = "email.confirmed"
        case contactReceived = "contact.received"
    }

    static func post(_ kind: Kind, to memberID: UUID, parameters: [String] = [], documentID: UUID? = nil,
                     on db: any Database, at now: Date) async throws {
        let message = InboxMessage()
        message.memberID = memberID
        message.kind = kind.rawValue
        message.parametersJSON = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
        message.documentID = documentID
        message.createdAt = now
        try await message.create(on: db)
    }
}
