import FluentKit
import Foundation
import SQLiteKit

/// A row's columns by name, read without `Codable`: the few queries every
/// member page runs (session, account, member) fill their models from it.
/// On SQLite the values come straight from SQLiteNIO's row; decoding the same
/// 26 columns through SQLKit's `Decoder` showed up in the dashboard's profile
/// (docs/benchmarks.md). On PostgreSQL it reads through SQLKit.
protocol ColumnReader {
    func string(_ column: String) throws -> String?
    func int(_ column: String) throws -> Int?
    func date(_ column: String) throws -> Date?
    func uuid(_ column: String) throws -> UUID?
}

struct MissingColumnValue: Error, CustomStringConvertible {
    let column: String
    var description: String { "column \(column) is empty or has an unexpected type" }
}

extension ColumnReader {
    func requiredString(_ column: String) throws -> String {
        guard let value = try string(column) else { throw MissingColumnValue(column: column) }
        return value
    }

    func requiredInt(_ column: String) throws -> Int {
        guard let value = try int(column) else { throw MissingColumnValue(column: column) }
        return value
    }

    func requiredDate(_ column: String) throws -> Date {
        guard let value = try date(column) else { throw MissingColumnValue(column: column) }
        return value
    }

    func requiredUUID(_ column: String) throws -> UUID {
        guard let value = try uuid(column) else { throw MissingColumnValue(column: column) }
        return value
    }
}

/// Any SQLKit row (PostgreSQL).
struct SQLColumns: ColumnReader {
    let row: any SQLRow

    func string(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
    func date(_ column: String) throws -> Date? { try row.decode(column: column, as: Date?.self) }
    func uuid(_ column: String) throws -> UUID? { try row.decode(column: column, as: UUID?.self) }
}

/// A SQLiteNIO row, with the conversions SQLiteKit's decoder applies to
/// what Fluent stored: text for strings and UUIDs, REAL seconds for dates.
struct SQLiteColumns: ColumnReader {
    let row: SQLiteRow

    private func value(_ column: String) throws -> SQLiteData {
        guard let value = row.column(column) else { throw MissingColumnValue(column: column) }
        return value
    }

    func string(_ column: String) throws -> String? {
        let data = try value(column)
        if data == .null { return nil }
        guard let text = String(sqliteData: data) else { throw MissingColumnValue(column: column) }
        return text
    }

    func int(_ column: String) throws -> Int? {
        let data = try value(column)
        if data == .null { return nil }
        guard let number = Int(sqliteData: data) else { throw MissingColumnValue(column: column) }
        return number
    }

    func date(_ column: String) throws -> Date? {
        let data = try value(column)
        if data == .null { return nil }
        guard let date = Date(sqliteData: data) else { throw MissingColumnValue(column: column) }
        return date
    }

    func uuid(_ column: String) throws -> UUID? {
        switch try value(column) {
        case .null: return nil
        case .text(let text):
            guard let uuid = UUID(uuidString: text) else { throw MissingColumnValue(column: column) }
            return uuid
        case .blob(let bytes) where bytes.readableBytes == 16:
            return bytes.getBytes(at: bytes.readerIndex, length: 16).map { b in
                UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
            }
        default: throw MissingColumnValue(column: column)
        }
    }
}

extension Database {
    /// The first row of a read query on a member page's hot path, as a
    /// `ColumnReader`. Same round trip as SQLKit's `raw(_:).first()`.
    func firstRow(_ query: SQLQueryString) async throws -> (any ColumnReader)? {
        let sql = try requireSQL()
        guard let sqlite = self as? any SQLiteDatabase else {
            return try await sql.raw(query).first().map(SQLColumns.init)
        }
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        return try await sqlite.query(serializer.sql, binds).first.map(SQLiteColumns.init)
    }
}
