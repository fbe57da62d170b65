import Fluent
import Foundation

/// A message in a member's inbox: one for every processing step.
/// Stored as a kind plus parameters, not as text, so it reads in the
/// language the member uses when opening it.
final class InboxMessage: Model, @unchecked Sendable {
    static let schema = "inbox_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "parameters") var parametersJSON: String
    @OptionalField(key: "document_id") var documentID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    var parameters: [Inbox.Parameter] {
        (try? JSONDecoder().decode([Inbox.Parameter].self, from: Data(parametersJSON.utf8))) ?? []
    }
}
