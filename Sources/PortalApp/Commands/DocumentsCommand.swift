import Fluent
import Foundation
import PortalDomain
import Vapor

/// `portal documents add|list|offline`: what a case worker does with a
/// member's archive until the back office has pages for it.
struct DocumentsCommand: AsyncCommandGroup {
    var help: String { "Adds documents to a member's archive, lists them, takes one offline." }
    var commands: [String: any AnyAsyncCommand] { ["add": Add(), "list": List(), "offline": Offline()] }

    /// Case workers' files are PDFs of reasonable size; anything else is refused before it is stored.
    static let maximumBytes = 20 * 1024 * 1024

    static func member(_ text: String, on db: any Database) async throws -> Member {
        guard let number = try? MemberNumber(parsing: text) else {
            throw UsageError(description: "'\(text)' is not a member number like 99999/01")
        }
        guard let member = try await Member.query(on: db).filter(\.$memberNumber == number.value).first() else {
            throw UsageError(description: "no member \(number.value) in the portal's records")
        }
        return member
    }

    /// Checks a case worker's file and its details, files it in the member
    /// file, puts it online and tells the member, in one transaction.
    static func add(_ data: Data, to memberNumber: String, category: String?, title: String?, date: String?,
                    by actor: String = "operator:" + OperatorName.systemUser(), app: Application) async throws -> Document {
        guard let category = category.flatMap(Document.Category.init(rawValue:)) else {
            let names = Document.Category.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(description: "--category must be one of: \(names)")
        }
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), (1...200).contains(title.count) else {
            throw UsageError(description: "--title is required (1 to 200 characters)")
        }
        let now = app.portal.clock.now()
        let dated = try date.map { text in
            guard let date = Add.parseDate(text) else { throw UsageError(description: "--date '\(text)' is not a date like 2024-03-31") }
            guard date <= now else { throw UsageError(description: "--date lies in the future") }
            return date
        }
        guard data.count <= maximumBytes else {
            throw UsageError(description: "the file has \(data.count) bytes; the limit is \(maximumBytes)")
        }
        guard data.starts(with: Array("%PDF-".utf8)) else {
            throw UsageError(description: "the file is not a PDF (it does not begin with %PDF-)")
        }
        let member = try await member(memberNumber, on: app.db)
        let memberID = try member.requireID()
        let archive = app.archive
        let fileName = CertificateGeneration.fileName(title, member: member)
        return try await app.db.transaction { db in
            let document = try await archive.file([UInt8](data), title: title, fileName: fileName, category: category,
                                                  memberID: memberID, source: actor, dated: dated, on: db)
            try await Inbox.post(.documentProvided, to: memberID, parameters: [title], documentID: document.id, on: db, at: now)
            try await AuditLog.record(on: db, at: now, actor: actor, action: "document.add", memberID: memberID,
                                      detail: ["document": try document.requireID().uuidString, "category": category.rawValue])
            return document
        }
    }

    struct Add: AsyncCommand {
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
            let app = context.application
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let data = FileManager.default.contents(atPath: signature.file) else {
                throw UsageError(description: "cannot read \(signature.file)")
            }
            let document = try await DocumentsCommand.add(data, to: signature.memberNumber, category: signature.category,
                                                          title: signature.title, date: signature.date, by: actor, app: app)
            context.console.line("added \(try document.requireID().uuidString): \(document.category.rawValue), \(data.count) bytes, online until \(Format.date(document.onlineUntil ?? document.createdAt, .de))")
        }

        static func parseDate(_ text: String) -> Date? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, text.count == 10 else { return nil }
            let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
            guard components.isValidDate(in: Calendar.berlin) else { return nil }
            return Calendar.berlin.date(from: components)
        }
    }

    struct List: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "member_number", help: "e.g. 99999/01")
            var memberNumber: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Lists a member's documents, newest first: id, date, category, status, title." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let actor = try OperatorName.actor(option: signature.operatorName)
            let member = try await DocumentsCommand.member(signature.memberNumber, on: app.db)
            let documents = try await Document.query(on: app.db).filter(\.$memberID == member.requireID())
                .sort(\.$documentDate, .descending).all()
            try await AuditLog.record(on: app.db, at: app.portal.clock.now(), actor: actor, action: "document.list", memberID: member.id,
                                      detail: ["documents": "\(documents.count)"])
            for document in documents {
                let until = document.onlineUntil.map { " until " + Format.date($0, .de) } ?? ""
                context.console.line("\(document.id?.uuidString ?? "")  \(Format.date(document.documentDate, .de))  \(document.category.rawValue)  \(document.availability.rawValue)\(document.availability == .online ? until : "")  \(document.title)")
            }
            context.console.line("\(documents.count) document(s)")
        }
    }

    struct Offline: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "document_id", help: "the id `portal documents list` prints")
            var documentID: String
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Takes an online document offline now, as the retention sweep does: its portal copy is deleted." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let id = UUID(uuidString: signature.documentID) else {
                throw UsageError(description: "'\(signature.documentID)' is not a document id")
            }
            guard let document = try await Document.find(id, on: app.db) else { throw UsageError(description: "no document \(id.uuidString)") }
            guard document.availability == .online else {
                context.console.line("document \(id.uuidString) is already \(document.availability.rawValue)")
                return
            }
            try await app.archive.takeOffline(document, on: app.db)
            try await AuditLog.record(on: app.db, at: app.portal.clock.now(), actor: actor, action: "document.offline",
                                      memberID: document.memberID, detail: ["document": id.uuidString])
            context.console.line("document \(id.uuidString) is offline; the member can request it back")
        }
    }
}
