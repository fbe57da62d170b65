import Fluent
import Foundation

/// An application a member started and has not sent: the answers of the
/// steps done so far (canonical JSON, as a submission stores them) and the
/// step to continue at. One per member and type (unique), as the seed's
/// portal keeps "Noch nicht versandte Anträge".
package final class ApplicationDraft: Model, @unchecked Sendable {
    package static let schema = "application_drafts"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    @Field(key: "type") package var type: String
    /// Checked answers of the steps saved so far, `FormAnswers.canonicalJSON`.
    @Field(key: "answers_json") package var answersJSON: String
    /// What the member had typed on the current step when the session-timeout
    /// warning saved it (field id to text, possibly not valid yet); nil otherwise.
    @OptionalField(key: "pending_json") package var pendingJSON: String?
    /// The step to continue at.
    @Field(key: "step") package var step: String
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date
    /// The last expiry reminder sent (30 or 7 days before deletion); nil after a change.
    @OptionalField(key: "reminded_days") package var remindedDays: Int?

    package init() {}
}

/// A binding application as sent (DOMAIN.md, "Legally binding submissions"):
/// never changed afterwards. `sha256` is over the bytes of `answersJSON`.
package final class ApplicationSubmission: Model, @unchecked Sendable {
    package static let schema = "application_submissions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "member_id") package var memberID: UUID
    /// The draft it was sent from (unique): a repeated send finds this row.
    @Field(key: "draft_id") package var draftID: UUID
    /// What the member and the case worker quote, e.g. "A-2026-7KQ3-M9XD".
    @Field(key: "reference") package var reference: String
    @Field(key: "type") package var type: String
    @Field(key: "definition_version") package var definitionVersion: Int
    @Field(key: "answers_json") package var answersJSON: String
    @Field(key: "sha256") package var sha256: String
    /// The eID level of assurance of the session that sent it (`substantial`, `high`).
    @Field(key: "level_of_assurance") package var levelOfAssurance: String
    @Field(key: "submitted_at") package var submittedAt: Date
    /// The binding PDF in the archive, once the job made it.
    @OptionalField(key: "document_id") package var documentID: UUID?
    @OptionalField(key: "job_id") package var jobID: Int64?

    package init() {}
}
