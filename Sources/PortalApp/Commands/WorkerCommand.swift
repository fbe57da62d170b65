import Foundation
import PortalJobs
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal worker`: runs the job worker and scheduler without a web server,
/// for deployments that run `portal serve --no-worker` on other machines.
/// SIGTERM or SIGINT stops it gracefully: running jobs finish or go back.
struct WorkerCommand: AsyncCommand {
    let services: PortalServices

    struct Signature: CommandSignature {}
    var help: String { "Runs the background job worker and scheduler until SIGTERM/SIGINT." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let jobs = services.jobs
        let tasks = JobsRunner.start(jobs, configuration: services.configuration, logger: context.application.logger)
        let stop = StopSignal()
        await stop.wait()
        context.console.line("Stopping the worker: running jobs get 30 s to finish.")
        await jobs.worker.stop(grace: .seconds(30))
        for task in tasks { task.cancel() }
    }
}

/// Waits for SIGTERM or SIGINT.
final class StopSignal: @unchecked Sendable {
    // @unchecked: the sources are only touched on their own serial queue.
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "portal.worker.signals")

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.sync {
                var resumed = false
                for signalNumber in [SIGTERM, SIGINT] {
                    signal(signalNumber, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                    source.setEventHandler {
                        guard !resumed else { return }
                        resumed = true
                        continuation.resume()
                    }
                    source.resume()
                    sources.append(source)
                }
            }
        }
    }
}
