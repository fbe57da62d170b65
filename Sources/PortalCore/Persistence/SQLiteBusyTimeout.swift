import Fluent
import SQLKit
import Vapor

/// Gives every SQLite connection of the portal a busy timeout before the
/// first request. Fluent's SQLite pool holds exactly one connection per event
/// loop for the application's lifetime and offers no hook when it opens one,
/// so the boot asks each event loop's pool once.
///
/// Without it SQLiteNIO's own busy handler retries at once, forever: a
/// writer waiting for the lock spins a thread of the blocking pool. With it
/// SQLite sleeps between attempts and gives up after `milliseconds`.
package struct SQLiteBusyTimeout: LifecycleHandler {
    package static let milliseconds = 10_000

    package func willBootAsync(_ app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(logger: app.logger, on: eventLoop)
            try await db?.requireSQL().raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.milliseconds))").run()
        }
    }

    package init() {}
}
