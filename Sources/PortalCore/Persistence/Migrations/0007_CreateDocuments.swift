import Fluent
import SQLKit

package struct CreateDocuments: AsyncMigration {
    package var name: String { "0007_CreateDocuments" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Document.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("document_date", .datetime, .required)
            .field("source", .string, .required)
            .field("online_until", .datetime)
            .field("availability", .string, .required)
            .field("blob_key", .string, .required)
            .field("file_name", .string, .required)
            .field("byte_count", .int, .required)
            .field("reminded_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CertificateRequest.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("year", .int)
            .field("state", .string, .required)
            .field("document_id", .uuid)
            .field("job_id", .int64)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        let sql = try database.requireSQL()
        try await sql.create(index: "documents_member_idx").on(Document.schema).column("member_id").column("document_date").run()
        try await sql.create(index: "certificate_requests_member_idx").on(CertificateRequest.schema).column("member_id").run()
        try await sql.create(table: "blobs").ifNotExists()
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("data", type: .blob, .notNull).run()
    }

    package func revert(on database: any Database) async throws {
        try await database.requireSQL().drop(table: "blobs").ifExists().run()
        try await database.schema(CertificateRequest.schema).delete()
        try await database.schema(Document.schema).delete()
    }
}
