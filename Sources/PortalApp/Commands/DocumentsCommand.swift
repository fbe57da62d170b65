import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal documents add|list|offline`: what a case worker does with a
/// member's archive until the back office has pages for it.
struct DocumentsCommand: AsyncCommandGroup {
    let services: PortalServices
    var help: String { "Adds documents to a member's archive, lists them, takes one offline." }
    var commands: [String: any AnyAsyncCommand] { ["add": Add(services: services), "list": List(services: services), "offline": Offline(services: services)] }

    struct Add: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "member_number", help: "e.g. 99999/01")
            var memberNumber: String
            @Argument(name: "file", help: "a PDF file")
            var file: String
            @Option(name: "category", help: "certificate, decision, letter or application")
            var category: String?
            @Option(name: "title", help: "the title the member sees")
            var title: String?
            @Option(name: "date", help: "the document's date, YYYY-MM-DD (default today; older documents keep their date)")
            var date: String?
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Files a PDF in the member file and puts it online in the member's archive, with an inbox message." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let data = FileManager.default.contents(atPath: signature.file) else {
                throw UsageError(description: "cannot read \(signature.file)")
            }
            let filing = DocumentFiling(database: services.database.db, clock: services.clock, archive: services.archive)
            let document = try await filing.file(data, to: signature.memberNumber, category: signature.category,
                                                 title: signature.title, date: signature.date, actor: actor)
            context.console.line("added \(try document.requireID().uuidString): \(document.category.rawValue), \(data.count) bytes, online until \(Format.date(document.onlineUntil ?? document.createdAt, .de))")
        }
    }

    struct List: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "member_number", help: "e.g. 99999/01")
            var memberNumber: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Lists a member's documents, newest first: id, date, category, status, title." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            let member = try await DocumentFiling.member(signature.memberNumber, on: services.database.db)
            let documents = try await Document.query(on: services.database.db).filter(\.$memberID == member.requireID())
                .sort(\.$documentDate, .descending).all()
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "document.list", memberID: member.id,
                                      detail: ["documents": "\(documents.count)"])
            for document in documents {
                let until = document.onlineUntil.map { " until " + Format.date($0, .de) } ?? ""
                context.console.line("\(document.id?.uuidString ?? "")  \(Format.date(document.documentDate, .de))  \(document.category.rawValue)  \(document.availability.rawValue)\(document.availability == .online ? until : "")  \(document.title)")
            }
            context.console.line("\(documents.count) document(s)")
        }
    }

    struct Offline: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "document_id", help: "the id `portal documents list` prints")
            var documentID: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Takes an online document offline now, as the retention sweep does: its portal copy is deleted." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let id = UUID(uuidString: signature.documentID) else {
                throw UsageError(description: "'\(signature.documentID)' is not a document id")
            }
            guard let document = try await Document.find(id, on: services.database.db) else { throw UsageError(description: "no document \(id.uuidString)") }
            guard document.availability == .online else {
                context.console.line("document \(id.uuidString) is already \(document.availability.rawValue)")
                return
            }
            try await services.archive.takeOffline(document, on: services.database.db)
            try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: actor, action: "document.offline",
                                      memberID: document.memberID, detail: ["document": id.uuidString])
            context.console.line("document \(id.uuidString) is offline; the member can request it back")
        }
    }
}
