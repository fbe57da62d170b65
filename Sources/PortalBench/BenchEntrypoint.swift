import ConsoleKit
import Foundation
import Logging
import Vapor
import PortalCore
import PortalWeb

/// `portal-bench`: benchmarks that print their figures against the issues'
/// targets (never timed tests). A separate executable, so that the `portal`
/// product ships no benchmark and nothing in it turns the development eID
/// simulator on behind the production checks.
enum BenchEntrypoint {
    static func run(executorTakenOver: Bool) async -> Int32 {
        // The scratch portals hold (demo) personal data and a seal key: owner only, as in `portal`.
        umask(0o077)
        var environment = Environment(name: "development", arguments: ProcessInfo.processInfo.arguments)
        do {
            let detected = try Logger.Level.detect(from: &environment)
            // The scratch portals' migrations and demo seeding are no part of the
            // figures: warnings only, unless LOG_LEVEL or --log asks for more.
            let explicit = Environment.get("LOG_LEVEL") != nil || ProcessInfo.processInfo.arguments.contains("--log")
            let level = explicit ? detected : .warning
            let console = Terminal()
            LoggingSystem.bootstrap { label in ConsoleLogger(label: label, console: console, level: level) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 64 // EX_USAGE
        }
        if !executorTakenOver {
            Logger(label: "portal-bench").warning("Swift concurrency could not be moved onto NIO's event loops; the figures are not comparable")
        }
        do {
            try await Terminal().run(BenchCommands(), input: CommandInput(arguments: environment.arguments))
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
    }
}

struct BenchCommands: AsyncCommandGroup {
    var help: String { "Benchmarks: pdf (rendering vs WeasyPrint), jobs (queue), documents (archive page), certificates (request to available)." }
    var commands: [String: any AnyAsyncCommand] {
        ["pdf": PDFBench(), "jobs": JobsBench(), "documents": DocumentsBench(), "certificates": CertificatesBench()]
    }
}

/// A benchmark that could not measure; the message says why.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
