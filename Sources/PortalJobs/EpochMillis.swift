import Foundation

/// Times are stored as BIGINT milliseconds since 1970-01-01 UTC: one
/// representation that compares, sorts and binds identically on SQLite and
/// PostgreSQL, with no driver-specific date handling and no time zone.
enum EpochMillis {
    static func from(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}
