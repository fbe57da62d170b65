import SQLKit

/// The two databases the portal runs on. The queue needs to know which one it
/// talks to because claiming differs (PostgreSQL can skip rows that other
/// workers have locked; SQLite serialises writers anyway).
public enum DatabaseFlavor: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    /// Recognises the flavour from SQLKit's dialect name.
    public init(_ database: any SQLDatabase) throws {
        switch database.dialect.name {
        case "sqlite": self = .sqlite
        case "postgresql": self = .postgres
        case let other: throw JobQueueError.unsupportedDatabase(other)
        }
    }
}
