import Foundation
import PortalApp

exit(await PortalEntrypoint.run())
