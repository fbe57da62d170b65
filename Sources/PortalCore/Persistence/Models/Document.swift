import Fluent
import Foundation

/// A document in the member's archive. The metadata stays for good; the
/// portal copy exists only while the document is online.
package final class Document: Model, @unchecked Sendable {
    package static let schema = "documents"

    package enum Category: String, Codable, CaseIterable, Sendable {
        case certificate, decision, letter, application

        /// Default online periods (DOMAIN.md), in days.
        package var onlineDays: Int {
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
    @Field(key: "member_id") package var memberID: UUID
    @Field(key: "title") package var title: String
    @Enum(key: "category") package var category: Category
    @Field(key: "document_date") package var documentDate: Date
    @Field(key: "source") package var source: String
    @OptionalField(key: "online_until") package var onlineUntil: Date?
    @Enum(key: "availability") package var availability: Availability
    /// The member file's copy (archive of record); the portal copy uses the same key.
    @Field(key: "blob_key") package var blobKey: String
    @Field(key: "file_name") package var fileName: String
    @Field(key: "byte_count") package var byteCount: Int
    @OptionalField(key: "reminded_at") package var remindedAt: Date?
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// A certificate a member asked for, and where its generation stands.
package final class CertificateRequest: Model, @unchecked Sendable {
    package static let schema = "certificate_requests"

    package enum State: String, Codable, Sendable {
        case queued, generating, ready, failed
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    @Field(key: "kind") package var kind: String
    @OptionalField(key: "year") package var year: Int?
    @Enum(key: "state") package var state: State
    @OptionalField(key: "document_id") package var documentID: UUID?
    @OptionalField(key: "job_id") package var jobID: Int64?
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "finished_at") package var finishedAt: Date?

    package init() {}
}
