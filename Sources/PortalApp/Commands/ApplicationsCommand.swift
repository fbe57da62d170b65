import Fluent
import Foundation
import PortalCore
import PortalDomain
import Vapor

/// `portal applications list|export`: how the fund's core system gets sent
/// applications until the integration API exists (issue 16). Every list and
/// export is an operator read of members' data, so each is in the audit trail.
struct ApplicationsCommand: AsyncCommandGroup {
    let services: PortalServices
    var help: String { "Lists sent applications and exports one (binding PDF and data) for the core system." }
    var commands: [String: any AnyAsyncCommand] { ["list": List(services: services), "export": Export(services: services)] }

    struct List: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Option(name: "since", help: "only applications sent on or after this day, YYYY-MM-DD (Berlin time)")
            var since: String?
            @Option(name: "type", help: "only this application type, e.g. changeOfAddress")
            var type: String?
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Lists sent applications, oldest first: reference, sent at, type, member number, PDF state." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            let db = services.database.db
            var query = ApplicationSubmission.query(on: db).sort(\.$submittedAt)
            if let since = signature.since {
                guard let day = PartialDate(iso: since), let month = day.month, let dayOfMonth = day.day,
                      let start = Calendar.berlin.date(from: DateComponents(year: day.year, month: month, day: dayOfMonth))
                else { throw UsageError(description: "--since '\(since)' is not a day; write it as YYYY-MM-DD, e.g. 2026-03-01") }
                query = query.filter(\.$submittedAt >= start)
            }
            if let type = signature.type {
                guard ApplicationTypes.definition(type) != nil else {
                    throw UsageError(description: "no application type '\(type)'; known: \(ApplicationTypes.all.map(\.id).joined(separator: ", "))")
                }
                query = query.filter(\.$type == type)
            }
            let submissions = try await query.all()
            let numbers = try await Member.query(on: db).filter(\.$id ~~ Set(submissions.map(\.memberID))).all()
                .reduce(into: [UUID: String]()) { $0[$1.id ?? UUID()] = $1.memberNumber }
            try await AuditLog.record(on: db, at: services.clock.now(), actor: actor, action: "application.list", memberID: nil,
                                      detail: ["since": signature.since ?? "-", "type": signature.type ?? "-", "applications": "\(submissions.count)"])
            for submission in submissions {
                let sent = Format.date(submission.submittedAt, .de) + " " + Format.time(submission.submittedAt, .de)
                let pdf = submission.documentID == nil ? "pdf-pending" : "pdf-ready"
                context.console.line("\(submission.reference)  \(sent)  \(submission.type)  \(numbers[submission.memberID] ?? "-")  \(pdf)  \(submission.id?.uuidString ?? "")")
            }
            context.console.line("\(submissions.count) application(s)")
        }
    }

    struct Export: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Argument(name: "application", help: "the reference (A-2026-7KQ3-M9XD) or the id `portal applications list` prints")
            var application: String
            @Option(name: "out", help: "the directory to write <reference>.pdf, <reference>.json and <reference>.meta.json into")
            var out: String?
            @Option(name: "operator", help: OperatorName.help)
            var operatorName: String?
        }

        var help: String { "Writes the binding PDF (from the member file), the data exactly as sent and a small metadata file." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let actor = try OperatorName.actor(option: signature.operatorName)
            guard let out = signature.out, !out.isEmpty else { throw UsageError(description: "--out DIR is required") }
            let db = services.database.db
            let wanted = signature.application.trimmingCharacters(in: .whitespaces)
            var found = try await UUID(uuidString: wanted).asyncFlatMap { try await ApplicationSubmission.find($0, on: db) }
            if found == nil { found = try await ApplicationSubmission.query(on: db).filter(\.$reference == wanted.uppercased()).first() }
            guard let submission = found else {
                throw UsageError(description: "no application '\(wanted)'; `portal applications list` shows references and ids")
            }
            guard let documentID = submission.documentID, let document = try await Document.find(documentID, on: db),
                  let pdf = try await services.archive.memberFile.get(document.blobKey) else {
                throw UsageError(description: "application \(submission.reference) has no PDF yet: the filing job has not run (see `portal jobs list`)")
            }
            let member = try await Member.find(submission.memberID, on: db)
            let metadata: [String: String] = [
                "reference": submission.reference, "type": submission.type, "definitionVersion": String(submission.definitionVersion),
                "memberNumber": member?.memberNumber ?? "", "submittedAt": ISO8601DateFormatter().string(from: submission.submittedAt),
                "levelOfAssurance": submission.levelOfAssurance, "sha256": submission.sha256,
            ]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let directory = URL(fileURLWithPath: out, isDirectory: true)
            let files: [(String, Data)] = [
                ("\(submission.reference).pdf", Data(pdf)),
                // Exactly the bytes the hash is over: nothing re-encoded.
                ("\(submission.reference).json", Data(submission.answersJSON.utf8)),
                ("\(submission.reference).meta.json", try encoder.encode(metadata)),
            ]
            do {
                for (name, data) in files { try data.write(to: directory.appendingPathComponent(name), options: .atomic) }
            } catch {
                throw UsageError(description: "cannot write into \(out): \(error.localizedDescription)")
            }
            try await AuditLog.record(on: db, at: services.clock.now(), actor: actor, action: "application.export", memberID: submission.memberID,
                                      detail: ["submission": submission.id?.uuidString ?? "-", "reference": submission.reference])
            for (name, data) in files { context.console.line("wrote \(directory.appendingPathComponent(name).path) (\(data.count) bytes)") }
        }
    }
}

private extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
