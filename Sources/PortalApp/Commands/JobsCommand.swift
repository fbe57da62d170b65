import Foundation
import PortalJobs
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal jobs list [--state dead] | show ID | retry ID` for operators.
struct JobsCommand: AsyncCommandGroup {
    let services: PortalServices
    var help: String { "Lists, shows and retries background jobs." }
    var commands: [String: any AnyAsyncCommand] {
        ["list": List(services: services), "show": Show(services: services), "retry": Retry(services: services)]
    }

    struct List: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Option(name: "state", help: "only jobs in this state (scheduled, available, running, succeeded, failed, dead)")
            var state: String?
        }
        var help: String { "Lists the newest jobs and the count per state." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let queue = services.jobs.queue
            var state: JobState?
            if let text = signature.state {
                guard let parsed = JobState(rawValue: text) else { throw UsageError(description: "unknown state '\(text)'") }
                state = parsed
            }
            let jobs = try await queue.list(state: state, limit: 200)
            for job in jobs { context.console.line(JobsCommand.line(job)) }
            let counts = try await queue.counts().sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }
            context.console.line("\(jobs.count) shown; " + counts.joined(separator: ", "))
        }
    }

    struct Show: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the job id")
            var id: Int64
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }
        var help: String { "Shows one job with its payload (e-mail addresses and links redacted), last error and expected start." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            let queue = services.jobs.queue
            guard let job = try await queue.find(signature.id) else { throw UsageError(description: "no job \(signature.id)") }
            // A payload can hold a member's ids: reading it is on record (addresses and links are redacted).
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "job.show", memberID: nil,
                                      detail: ["job": "\(job.id)", "kind": job.kind])
            context.console.line(JobsCommand.line(job))
            context.console.line("  payload: \(PayloadRedaction.text(job.payload))")
            if let error = job.lastError { context.console.line("  last error: \(PayloadRedaction.redactingAddresses(error))") }
            if let start = queue.expectedStart(of: job) { context.console.line("  expected start: \(start)") }
        }
    }

    struct Retry: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "id", help: "the id of a dead or failed job")
            var id: Int64
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }
        var help: String { "Makes a dead or failed job available again." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            let job = try await services.jobs.queue.retry(signature.id)
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "job.retry", memberID: nil,
                                      detail: ["job": "\(job.id)", "kind": job.kind])
            services.jobs.worker.wake()
            context.console.line("job \(job.id) is \(job.state.rawValue) again")
        }
    }

    static func line(_ job: Job) -> String {
        "\(job.id)\t\(job.kind)\t\(job.state.rawValue)\tattempts \(job.attempts)/\(job.maxAttempts)\trun at \(job.runAt)"
    }
}

/// A mistake in a command line, reported as such (exit status 1, no stack trace).
struct UsageError: Error, CustomStringConvertible {
    let description: String
}
