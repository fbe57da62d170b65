import Fluent
import Foundation
import SQLKit

/// A fixed-window count per key in the database (SECURITY.md "abuse": at
/// most `limit` certificate or document requests per member and hour,
/// confirmation mails per address and day). It lives in the database, not in memory, so every
/// process and node counts into the same row, and the count is one atomic
/// upsert: N parallel attempts cannot all read "below the limit".
package struct ActionLimit: Sendable {
    package let name: String
    package let limit: Int
    package let window: TimeInterval

    package enum Decision: Equatable, Sendable {
        case allowed
        case limited(retryAfter: Int)
    }

    /// Counts one attempt for `key` and says whether it is within the limit.
    /// Run it inside the write transaction of the action it guards, so a
    /// refused or failed action rolls its count back with it.
    package func count(_ key: String, at now: Date, on db: any Database) async throws -> Decision {
        let sql = try db.requireSQL()
        let start = Int64((now.timeIntervalSince1970 / window).rounded(.down) * window)
        let end = start + Int64(window)
        let bucket = "\(name):\(key)"
        try await Self.deleteEnded(before: Int64(now.timeIntervalSince1970), on: sql)
        let hits = try await sql.raw("""
            INSERT INTO \(unsafeRaw: ActionCount.schema) (bucket, window_start, window_end, hits)
            VALUES (\(bind: bucket), \(bind: start), \(bind: end), 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET hits = \(unsafeRaw: ActionCount.schema).hits + 1
            RETURNING hits
            """).first(decodingColumn: "hits", as: Int.self) ?? 1
        guard hits > limit else { return .allowed }
        return .limited(retryAfter: max(1, Int(end - Int64(now.timeIntervalSince1970))))
    }

    /// Windows that have ended are spent; deleting them as counts come in
    /// keeps the table small. On PostgreSQL two transactions cleaning up at
    /// once skip each other's rows instead of waiting (or deadlocking).
    private static func deleteEnded(before now: Int64, on sql: any SQLDatabase) async throws {
        let table = ActionCount.schema
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                DELETE FROM \(unsafeRaw: table) WHERE (bucket, window_start) IN (
                    SELECT bucket, window_start FROM \(unsafeRaw: table) WHERE window_end <= \(bind: now) LIMIT 100 FOR UPDATE SKIP LOCKED)
                """).run()
        } else {
            try await sql.raw("DELETE FROM \(unsafeRaw: table) WHERE window_end <= \(bind: now)").run()
        }
    }

    package init(name: String, limit: Int, window: TimeInterval) {
        self.name = name
        self.limit = limit
        self.window = window
    }
}

/// The table behind ActionLimit: bucket is "<limit name>:<key>"; keys are ids
/// or keyed hashes, never an address in clear.
package enum ActionCount {
    package static let schema = "action_counts"
}
