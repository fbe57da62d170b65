import Fluent
import Foundation

/// A question or improvement suggestion a member sent through the help
/// page's contact form, waiting in the back office until it is handled.
package final class ContactMessage: Model, @unchecked Sendable {
    package static let schema = "contact_messages"

    package enum Topic: String, Codable, CaseIterable, Sendable {
        case question, suggestion
    }

    package enum State: String, Codable, Sendable {
        case new, handled
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    @Enum(key: "topic") package var topic: Topic
    @Field(key: "text") package var text: String
    @Enum(key: "state") package var state: State
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "handled_at") package var handledAt: Date?

    package init() {}
}
