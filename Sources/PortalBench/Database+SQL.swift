import FluentKit
import SQLKit
import PortalCore
import PortalWeb

extension Database {
    /// The SQL side of a Fluent database; both of the portal's drivers have one.
    func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw BenchFailure("the database does not speak SQL") }
        return sql
    }
}
