import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal import members|contributions|payments|entitlements FILE`
struct ImportCommand: AsyncCommand {
    let services: PortalServices

    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "members, contributions, payments or entitlements")
        var kind: String
        @Argument(name: "file", help: "a JSON Lines or CSV file (see docs/import.md)")
        var file: String
        @Option(name: "operator", help: OperatorName.help)
        var operatorName: String?
    }

    var help: String { "Imports members, contributions, pension payments or pension entitlement figures from the core system (JSON Lines or CSV)." }

    struct RejectedLines: Error, CustomStringConvertible {
        let count: Int
        var description: String { "\(count) line(s) were rejected; the other lines were imported." }
    }

    /// A file that yields nothing is a failed export or a wrong file, never a success.
    struct NoRecords: Error, CustomStringConvertible {
        let file: String
        var description: String {
            "\(file) holds no records (empty, or only a header line): nothing was imported. Check the file and its line breaks."
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let kind = CoreDataImporter.Kind(rawValue: signature.kind) else {
            throw Abort(.badRequest, reason: "Unknown kind '\(signature.kind)': use members, contributions, payments or entitlements.")
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw Abort(.badRequest, reason: "Cannot read \(signature.file).")
        }
        let decoded: ImportFileText
        do { decoded = try ImportFileText(data: data) } catch {
            throw Abort(.badRequest, reason: "\(signature.file) \(error.description).")
        }
        if decoded.encoding == .windows1252 {
            FileHandle.standardError.write(Data("\(signature.file) is not UTF-8: read as Windows-1252 (ANSI) and converted.\n".utf8))
        }
        let text = decoded.text
        var importer = CoreDataImporter(kind: kind, db: services.database.db, now: services.clock.now())
        let batchSize = importer.batchSize
        importer.progress = { lines in
            if lines % 10_000 < batchSize { FileHandle.standardError.write(Data("… \(lines) lines\n".utf8)) }
        }
        let summary = try await importer.run(text: text)
        for problem in summary.rejected.sorted(by: { $0.line < $1.line }) {
            context.console.line("line \(problem.line): \(problem.reason)")
        }
        var line = "\(kind.rawValue): \(summary.lines) lines read, \(summary.imported) imported"
        if kind == .members { line += " (\(summary.created) new, \(summary.imported - summary.created) updated)" }
        line += ", \(summary.rejected.count) rejected"
        context.console.line(line)
        try await AuditLog.record(on: services.database.db, at: services.clock.now(), actor: try OperatorName.actor(option: signature.operatorName), action: "import.\(kind.rawValue)",
                                  memberID: nil, detail: ["lines": "\(summary.lines)", "imported": "\(summary.imported)", "rejected": "\(summary.rejected.count)"])
        if summary.lines == 0 { throw NoRecords(file: signature.file) }
        if !summary.rejected.isEmpty { throw RejectedLines(count: summary.rejected.count) }
    }
}
