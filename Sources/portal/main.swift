import Foundation
import PortalApp

PortalEntrypoint.takeOverConcurrencyExecutor()
exit(await PortalEntrypoint.run())
