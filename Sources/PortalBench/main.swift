import Foundation
import PortalApp
import PortalCore
import PortalWeb

// As `portal` does (its main.swift): Swift concurrency on NIO's event loops,
// so the portals the benchmarks start run as production runs them.
let executorTakenOver = PortalEntrypoint.takeOverConcurrencyExecutor()
exit(await BenchEntrypoint.run(executorTakenOver: executorTakenOver))
