import SQLKit
import PortalDomain

/// The `job_side_effects` table: one row per side effect that happened.
public enum SideEffectLedger {
    /// Inserts `key`; runs `effect` only when the key was new. Both happen on
    /// `db`, which should be a transaction, so that a failed effect also
    /// removes its key. On PostgreSQL a concurrent insert of the same key
    /// waits for the other transaction and then finds the key taken.
    @discardableResult
    public static func once(
        key: String, jobID: Int64?, clock: any PortalClock, on db: any SQLDatabase,
        _ effect: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws -> Bool {
        let inserted = try await db.raw("""
            INSERT INTO job_side_effects (key, job_id, created_at)
            VALUES (\(bind: key), \(bind: jobID), \(bind: EpochMillis.from(clock.now())))
            ON CONFLICT (key) DO NOTHING
            RETURNING key
            """).all()
        guard !inserted.isEmpty else { return false }
        try await effect(db)
        return true
    }

    /// Whether the effect with `key` has happened.
    public static func contains(_ key: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT key FROM job_side_effects WHERE key = \(bind: key)").first() != nil
    }
}
