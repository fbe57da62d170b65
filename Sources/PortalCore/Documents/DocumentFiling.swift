import Fluent
import Foundation
import PortalDomain

/// Files a case worker's PDF in the member file, puts it online and tells
/// the member, in one transaction. The CLI (`portal documents add`), the back
/// office and jobs call the same service, each naming who acts.
package struct DocumentFiling: Sendable {
    package let database: any Database
    package let clock: any PortalClock
    package let archive: DocumentArchive

    /// Case workers' files are PDFs of reasonable size; anything else is refused before it is stored.
    package static let maximumBytes = 20 * 1024 * 1024

    /// Why a file or its details were refused; nothing was stored. The
    /// description names the CLI's options; a page says it in its own words by case.
    package enum Refusal: Error, Equatable, CustomStringConvertible {
        case invalidMemberNumber(String)
        case unknownMember(String)
        case unknownCategory
        case invalidTitle
        case invalidDate(String)
        case futureDate
        case tooLarge(bytes: Int)
        case notPDF

        package var description: String {
            switch self {
            case .invalidMemberNumber(let text): "'\(text)' is not a member number like 99999/01"
            case .unknownMember(let number): "no member \(number) in the portal's records"
            case .unknownCategory: "--category must be one of: " + Document.Category.allCases.map(\.rawValue).joined(separator: ", ")
            case .invalidTitle: "--title is required (1 to 200 characters)"
            case .invalidDate(let text): "--date '\(text)' is not a date like 2024-03-31"
            case .futureDate: "--date lies in the future"
            case .tooLarge(let bytes): "the file has \(bytes) bytes; the limit is \(DocumentFiling.maximumBytes)"
            case .notPDF: "the file is not a PDF (it does not begin with %PDF-)"
            }
        }
    }

    /// Checks the file and its details, then files it. `date` (YYYY-MM-DD) is
    /// the document's own date; older documents keep theirs, none lies ahead.
    package func file(_ data: Data, to memberNumber: String, category: String?, title: String?, date: String?,
              actor: AuditActor) async throws -> Document {
        guard let category = category.flatMap(Document.Category.init(rawValue:)) else { throw Refusal.unknownCategory }
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), (1...200).contains(title.count) else {
            throw Refusal.invalidTitle
        }
        let now = clock.now()
        let dated = try date.map { text in
            guard let date = Self.parseDate(text) else { throw Refusal.invalidDate(text) }
            guard date <= now else { throw Refusal.futureDate }
            return date
        }
        guard data.count <= Self.maximumBytes else { throw Refusal.tooLarge(bytes: data.count) }
        guard data.starts(with: Array("%PDF-".utf8)) else { throw Refusal.notPDF }
        let member = try await Self.member(memberNumber, on: database)
        let memberID = try member.requireID()
        let fileName = CertificateGeneration.fileName(title, member: member)
        let archive = archive
        return try await database.transaction { db in
            let document = try await archive.file([UInt8](data), title: title, fileName: fileName, category: category,
                                                  memberID: memberID, source: actor.auditValue, dated: dated, on: db)
            try await Inbox.post(.documentProvided, to: memberID, parameters: [title], documentID: document.id, on: db, at: now)
            try await AuditLog.record(on: db, at: now, actor: actor, action: "document.add", memberID: memberID,
                                      detail: ["document": try document.requireID().uuidString, "category": category.rawValue])
            return document
        }
    }

    package static func member(_ text: String, on db: any Database) async throws -> Member {
        guard let number = try? MemberNumber(parsing: text) else { throw Refusal.invalidMemberNumber(text) }
        guard let member = try await Member.query(on: db).filter(\.$memberNumber == number.value).first() else {
            throw Refusal.unknownMember(number.value)
        }
        return member
    }

    /// Noon in Berlin, so the date is the same day in every time zone the pages use.
    package static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
        guard components.isValidDate(in: Calendar.berlin) else { return nil }
        return Calendar.berlin.date(from: components)
    }

    package init(database: any Database, clock: any PortalClock, archive: DocumentArchive) {
        self.database = database
        self.clock = clock
        self.archive = archive
    }
}
