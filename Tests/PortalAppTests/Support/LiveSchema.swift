import Fluent
import Foundation
import SQLKit
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// The tables and columns the running database actually has, read from its
/// catalogue (sqlite_master / information_schema), so a check over "every
/// table" also covers tables added after the check was written.
struct LiveSchema {
    let sql: any SQLDatabase
    let tables: [String: [String]]

    static func read(_ app: Application) async throws -> LiveSchema {
        let sql = try app.db.requireSQL()
        var tables: [String: [String]] = [:]
        if sql.dialect.name == "sqlite" {
            let names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for name in names {
                tables[name] = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: name))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
        } else {
            let rows = try await sql.raw("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
                """).all()
            for row in rows {
                tables[try row.decode(column: "table_name", as: String.self), default: []].append(try row.decode(column: "column_name", as: String.self))
            }
        }
        return LiveSchema(sql: sql, tables: tables)
    }

    /// Rows of `table` whose `column` equals `value`.
    func count(_ table: String, where column: String, equals value: some Encodable & Sendable) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(ident: column) = \(bind: value)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Every table and column whose text contains `needle` (case-insensitively), as "table.column".
    func places(containing needle: String) async throws -> [String] {
        var found: [String] = []
        for (table, columns) in tables.sorted(by: { $0.key < $1.key }) {
            for column in columns {
                let hits = try await sql.raw("""
                    SELECT COUNT(*) AS n FROM \(ident: table) WHERE LOWER(CAST(\(ident: column) AS TEXT)) LIKE \(bind: "%" + needle.lowercased() + "%")
                    """).first(decodingColumn: "n", as: Int.self) ?? 0
                if hits > 0 { found.append("\(table).\(column)") }
            }
        }
        return found
    }
}

/// Files below `directory` whose bytes contain `needle`, skipping the given sub-paths.
func files(in directory: URL, containing needle: String, skipping skipped: [String]) -> [String] {
    guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    let base = directory.standardizedFileURL.path
    var found: [String] = []
    let bytes = Data(needle.utf8)
    for case let file as URL in walker {
        let relative = String(file.standardizedFileURL.path.dropFirst(base.count + 1))
        guard !skipped.contains(where: { relative.hasPrefix($0) }),
              (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
              let data = try? Data(contentsOf: file), data.range(of: bytes) != nil else { continue }
        found.append(relative)
    }
    return found
}

/// Where one member can still be found after termination (SECURITY.md
/// "deletion"): rows in any table with a member or account column, text in
/// any column, files in the data folder.
struct MemberTraces {
    let memberID: UUID
    let accountID: UUID
    let pseudonym: String
    /// Addresses and link fragments that only this member's data contains.
    let texts: [String]

    /// The core system's records (member, contributions, pension payments, entitlements,
    /// imported by `portal import`) are not portal data and stay (DOMAIN.md);
    /// the append-only audit trail keeps its entries, the termination's included.
    /// What termination keeps on purpose (`AccountTermination.keptTables`, with the reasons) and the member row itself.
    static let keptTables: Set<String> = Set(AccountTermination.keptTables.keys).union(["members"])

    /// Rows per "table.column" that point at the member.
    func rows(_ app: Application) async throws -> [String: Int] {
        let schema = try await LiveSchema.read(app)
        var counts: [String: Int] = [:]
        for (table, columns) in schema.tables where !Self.keptTables.contains(table) {
            for column in columns {
                let place = "\(table).\(column)"
                switch column {
                case "member_id": counts[place] = try await schema.count(table, where: column, equals: memberID)
                case "account_id": counts[place] = try await schema.count(table, where: column, equals: accountID)
                case "pseudonym": counts[place] = try await schema.count(table, where: column, equals: pseudonym)
                case "subject": counts[place] = try await schema.count(table, where: column, equals: JobSubject.member(memberID))
                default: continue
                }
            }
        }
        return counts
    }

    /// "table.column" of every column in any table that contains one of the texts or the pseudonym.
    func textPlaces(_ app: Application) async throws -> Set<String> {
        let schema = try await LiveSchema.read(app)
        var places: Set<String> = []
        for text in texts + [pseudonym] { places.formUnion(try await schema.places(containing: text)) }
        return places
    }

    /// Files of the data folder that name the member. The database files are
    /// checked by query; the member file keeps its own retention (DOMAIN.md);
    /// backups and the seal are not member data.
    func files(_ app: Application) -> [String] {
        let directory = app.portal.configuration.dataDirectory
        let skipped = ["portal.sqlite", "documents/member-file", "backups", "seal"]
        return Array(Set((texts + [pseudonym]).flatMap { PortalAppTests.files(in: directory, containing: $0, skipping: skipped) })).sorted()
    }
}
