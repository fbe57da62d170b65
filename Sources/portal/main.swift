import Foundation
import PortalApp

let executorTakenOver = PortalEntrypoint.takeOverConcurrencyExecutor()
exit(await PortalEntrypoint.run(executorTakenOver: executorTakenOver))
