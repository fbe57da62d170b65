import Fluent
import SQLKit

/// Application drafts (one per member and type) and binding submissions
/// (issue "Applications"). A submission keeps the id of the draft it was sent
/// from, unique, so a second POST of the same confirmation finds the first
/// submission instead of making another one.
package struct CreateApplications: AsyncMigration {
    package var name: String { "0022_CreateApplications" }

    package func prepare(on database: any Database) async throws {
        // How the member pays contributions (import column `contribution_payment`): the mandate step depends on it.
        try await database.schema(Member.schema).field("contribution_payment", .string).update()
        try await database.schema(ApplicationDraft.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("type", .string, .required)
            .field("answers_json", .string, .required)
            .field("pending_json", .string)
            .field("step", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("reminded_days", .int)
            .unique(on: "member_id", "type")
            .create()
        try await database.schema(ApplicationSubmission.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("draft_id", .uuid, .required)
            .field("reference", .string, .required)
            .field("type", .string, .required)
            .field("definition_version", .int, .required)
            .field("answers_json", .string, .required)
            .field("sha256", .string, .required)
            .field("level_of_assurance", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("document_id", .uuid)
            .field("job_id", .int64)
            .unique(on: "draft_id")
            .unique(on: "reference")
            .create()
        let sql = try database.requireSQL()
        try await sql.create(index: "application_drafts_updated_idx").on(ApplicationDraft.schema).column("updated_at").run()
        try await sql.create(index: "application_submissions_member_idx").on(ApplicationSubmission.schema)
            .column("member_id").column("submitted_at").run()
        try await sql.create(index: "application_submissions_time_idx").on(ApplicationSubmission.schema).column("submitted_at").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ApplicationSubmission.schema).delete()
        try await database.schema(ApplicationDraft.schema).delete()
        try await database.schema(Member.schema).deleteField("contribution_payment").update()
    }

    package init() {}
}
