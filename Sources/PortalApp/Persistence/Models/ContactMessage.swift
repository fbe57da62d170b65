import Fluent
import Foundation

/// A question or improvement suggestion a member sent through the help
/// page's contact form, waiting in the back office until it is handled.
final class ContactMessage: Model, @unchecked Sendable {
    static let schema = "contact_messages"

    enum Topic: String, Codable, CaseIterable, Sendable {
        case question, suggestion
    }

    enum State: String, Codable, Sendable {
        case new, handled
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Enum(key: "topic") var topic: Topic
    @Field(key: "text") var text: String
    @Enum(key: "state") var state: State
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "handled_at") var handledAt: Date?

    init() {}
}
