import Fluent
import Foundation

/// A document in the member's archive. The metadata stays for good; the
/// portal copy exists only while the document is online.
package final class Document: Model, @unchecked Sendable {
    package static let schema = "documents"

    package enum Category: String, Codable, CaseIterable, Sendable {
        case certificate, decision, letter, application

        /// Default online periods (DOMAIN.md), in days.
        var onlineDays: Int {
            switch self {
            case .certificate: 90
            case .decision, .application: 365
            case .letter: 180
            }
        }
    }

    package enum Availability: String, Codable, Sendable {
        case online, offline, requested
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "title") var title: String
    @Enum(key: "category") var category: Category
    @Field(key: "document_date") var documentDate: Date
    @Field(key: "source") var source: String
    @OptionalField(key: "online_until") var onlineUntil: Date?
    @Enum(key: "availability") var availability: Availability
    /// The member file's copy (archive of record); the portal copy uses the same key.
    @Field(key: "blob_key") var blobKey: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "byte_count") var byteCount: Int
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    package init() {}
}

/// A certificate a member asked for, and where its generation stands.
final class CertificateRequest: Model, @unchecked Sendable {
    static let schema = "certificate_requests"

    enum State: String, Codable, Sendable {
        case queued, generating, ready, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "year") var year: Int?
    @Enum(key: "state") var state: State
    @OptionalField(key: "document_id") var documentID: UUID?
    @OptionalField(key: "job_id") var jobID: Int64?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}
}
