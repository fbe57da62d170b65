import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal account terminate MEMBER_NUMBER`: the member's written notice of
/// termination, carried out (the back office gets a button later).
struct AccountCommand: AsyncCommandGroup {
    var help: String { "Manages members' portal accounts." }
    let services: PortalServices
    var commands: [String: any AnyAsyncCommand] { ["terminate": Terminate(services: services)] }

    struct Terminate: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "member_number", help: "e.g. 99999/01")
            var memberNumber: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }
        var help: String { "Blocks the account, ends its sessions and deletes all its portal data." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let number = try? MemberNumber(parsing: signature.memberNumber) else {
                throw UsageError(description: "'\(signature.memberNumber)' is not a member number like 99999/01")
            }
            let actor = try OperatorName.actor(option: signature.operatorName)
            let report = try await AccountTermination.terminate(number, on: services.database.db, at: services.clock.now(), actor: actor,
                                                                portalStore: services.archive.portalStore, outbox: services.mailOutbox)
            context.console.line(report.summary(number))
        }
    }
}
