import FluentPostgresDriver
import Foundation

extension PortalConfiguration {
    /// PORTAL_DATABASE_URL (and PORTAL_DATABASE_SCHEMA): a SQLite path or a
    /// PostgreSQL URL. A URL PostgresKit cannot read is reported here, with
    /// the other problems, instead of failing later at the first connection.
    package static func databaseLocation(_ env: [String: String], dataDirectory: URL, cwd: URL, problems: inout [String]) -> DatabaseLocation {
        let schema = env["PORTAL_DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 }
        switch env["PORTAL_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            if (try? SQLPostgresConfiguration(url: url)) == nil {
                problems.append("PORTAL_DATABASE_URL is not a valid PostgreSQL URL (postgres://user:password@host:port/database).")
            }
            // A schema of its own inside a shared database (one search_path entry).
            if let schema, !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                problems.append("PORTAL_DATABASE_SCHEMA may contain only letters, digits and underscores.")
            }
            return .postgres(url: url, searchPath: schema)
        case let url?:
            if schema != nil { problems.append(sqliteOnly("PORTAL_DATABASE_SCHEMA")) }
            let path = url.hasPrefix("sqlite://") ? String(url.dropFirst("sqlite://".count)) : url
            return .sqlite(path: URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL.path)
        case nil:
            if schema != nil { problems.append(sqliteOnly("PORTAL_DATABASE_SCHEMA")) }
            return .sqlite(path: dataDirectory.appendingPathComponent("portal.sqlite").path)
        }
    }

    package static func sqliteOnly(_ variable: String) -> String {
        "\(variable) applies to PostgreSQL only, but PORTAL_DATABASE_URL names SQLite; remove it or use a postgres:// URL."
    }
}

extension EnvironmentReader {
    /// Settings that mean something only together with another one: read
    /// alone they were silently ignored.
    package mutating func checkPairs(database: PortalConfiguration.DatabaseLocation) {
        let username = optionalText("PORTAL_SMTP_USERNAME"), password = optionalText("PORTAL_SMTP_PASSWORD")
        if (username == nil) != (password == nil) {
            problems.append("PORTAL_SMTP_USERNAME and PORTAL_SMTP_PASSWORD go together: with only one of them the portal would not authenticate at all.")
        }
        if username != nil, optionalText("PORTAL_SMTP_HOST") == nil {
            problems.append("PORTAL_SMTP_USERNAME is set without PORTAL_SMTP_HOST; without a relay mails go to files and the credentials are unused.")
        }
        if database.isSQLite, optionalText("PORTAL_PG_BACKUP_COMMAND") != nil {
            problems.append(PortalConfiguration.sqliteOnly("PORTAL_PG_BACKUP_COMMAND"))
        }
        if !database.isSQLite, optionalText("PORTAL_BACKUPS_KEEP") != nil {
            problems.append("PORTAL_BACKUPS_KEEP applies to SQLite's own backups only; PostgreSQL is backed up by PORTAL_PG_BACKUP_COMMAND or its own tooling.")
        }
    }
}
