import Foundation
import Logging
import Metrics
import NIOCore
import NIOPosix
import PortalDomain
import Prometheus
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// The `portal` executable: reads the configuration, builds the application
/// and runs the command (`serve` by default, `import`, `migrate`, …).
public enum PortalEntrypoint {
    /// Runs Swift concurrency's jobs on NIO's event loops instead of a
    /// separate thread pool, so an async handler or middleware does not hop
    /// between two sets of threads on every request (docs/benchmarks.md).
    /// Must run before the first task starts; `main.swift` calls it first.
    @discardableResult
    public static func takeOverConcurrencyExecutor() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// `executorTakenOver`: what `takeOverConcurrencyExecutor()` returned; a
    /// failure is logged once logging is set up (the portal still runs, with
    /// more thread hops per request).
    public static func run(executorTakenOver: Bool = true) async -> Int32 {
        // Everything the portal writes (database, documents, mails, backups,
        // the development seal key) holds personal data or keys: owner only.
        umask(0o077)
        let mode: PortalConfiguration.Mode
        var environment: Environment
        do {
            let (detected, arguments) = try PortalConfiguration.Mode.detect(
                arguments: ProcessInfo.processInfo.arguments, variables: ProcessInfo.processInfo.environment)
            mode = detected
            environment = Environment(name: detected.rawValue, arguments: arguments)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 64 // EX_USAGE
        }
        do {
            try LoggingSystem.bootstrap(from: &environment)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 64
        }
        if !executorTakenOver {
            Logger(label: "portal").warning("Swift concurrency could not be moved onto NIO's event loops; running on the default executor")
        }
        // `serve --no-worker` is ours, not Vapor's: take it out before Vapor parses the flags.
        let noWorker = environment.arguments.contains("--no-worker")
        environment.arguments.removeAll { $0 == "--no-worker" }
        // Fluent's own `--auto-migrate`/`--auto-revert` would run outside the migration lock.
        if environment.arguments.contains("--auto-revert") {
            FileHandle.standardError.write(Data("--auto-revert is not supported: use `portal migrate --revert`.\n".utf8))
            return 64
        }
        let autoMigrateFlag = environment.arguments.contains("--auto-migrate")
        environment.arguments.removeAll { $0 == "--auto-migrate" }
        var configuration: PortalConfiguration
        do {
            configuration = try PortalConfiguration.fromEnvironment(mode: mode)
            if noWorker { configuration.runWorkerInProcess = false }
            if autoMigrateFlag { configuration.autoMigrate = true }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 78 // EX_CONFIG
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        do {
            let app = try await makeApplication(configuration: configuration, metrics: registry, arguments: environment.arguments)
            do {
                try await app.execute()
            } catch {
                app.logger.report(error: error)
                try? await app.asyncShutdown()
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                return 1
            }
            try await app.asyncShutdown()
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }
}
