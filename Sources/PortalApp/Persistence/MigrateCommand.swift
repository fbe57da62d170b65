import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal migrate [--revert]`, for operators who migrate once before
/// starting the nodes with PORTAL_AUTO_MIGRATE=false. It replaces Fluent's
/// own `migrate` (registered under the same name), which ran outside the
/// lock and asked for confirmation even to apply.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "revert the last batch of migrations instead")
        var revert: Bool
        @Flag(name: "yes", short: "y", help: "revert without asking")
        var yes: Bool
    }

    var help: String { "Applies the pending database migrations (under the migration lock)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.revert, !signature.yes,
           !context.console.confirm("Revert the last batch of migrations? Its tables and columns are dropped.") {
            context.console.line("Nothing reverted.")
            return
        }
        let names = try await LockedMigrations.run(context.application, signature.revert ? .revertLastBatch : .prepare)
        let verb = signature.revert ? "reverted" : "applied"
        let none = signature.revert ? "No migrations to revert." : "No migrations applied: the database is up to date."
        context.console.line(names.isEmpty ? none : "\(names.count) migration(s) \(verb):")
        for name in names { context.console.line("  \(name)") }
    }
}
