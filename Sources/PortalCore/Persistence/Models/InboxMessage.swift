import Fluent
import Foundation

/// A message in a member's inbox: one for every processing step.
/// Stored as a kind plus parameters, not as text, so it reads in the
/// language the member uses when opening it.
package final class InboxMessage: Model, @unchecked Sendable {
    package static let schema = "inbox_messages"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    @Field(key: "kind") package var kind: String
    @Field(key: "parameters") package var parametersJSON: String
    @OptionalField(key: "document_id") package var documentID: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "read_at") package var readAt: Date?

    package init() {}

    package var parameters: [Inbox.Parameter] {
        (try? JSONDecoder().decode([Inbox.Parameter].self, from: Data(parametersJSON.utf8))) ?? []
    }
}
