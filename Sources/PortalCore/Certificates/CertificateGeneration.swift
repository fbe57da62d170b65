import Fluent
import Foundation
import PortalDomain
import PortalJobs
import PortalPDF
import Vapor
import NIOPosix

/// The window-bound job that turns a certificate request into a sealed
/// PDF/A in the member file and the archive, announced in the inbox.
/// The document id is the request id, so a rerun after a crash rewrites the
/// same blobs and finds the document already there.
package struct CertificateGeneration {
    package struct Payload: Codable, Sendable {
        package let requestID: UUID

        package init(requestID: UUID) {
            self.requestID = requestID
        }
    }

    package let database: PortalDatabase
    package let clock: any PortalClock
    package let fund: FundProfile
    package let texts: LocalizationCatalogue
    package let renderer: DocumentRendering
    package let archive: DocumentArchive

    package func run(_ context: JobContext) async throws {
        let payload = try context.decodePayload(Payload.self)
        let db = database.db
        guard let request = try await CertificateRequest.find(payload.requestID, on: db), request.state != .ready,
              let kind = CertificateKind(rawValue: request.kind),
              let member = try await Member.find(request.memberID, on: db) else { return }
        request.state = .generating
        try await request.save(on: db)
        let now = clock.now()
        let builder = CertificateBuilder(fund: fund, now: now, texts: texts)
        let built: (title: String, spec: PortalPDF.PDFDocumentSpec)
        do {
            built = try await builder.build(kind, year: request.year, member: member, on: db)
        } catch is CertificateBuilder.NoData {
            request.state = .failed
            request.finishedAt = now
            try await request.save(on: db)
            return
        }
        // Rendering and sealing are CPU work and, the first time, file reads: off the event loops.
        let renderer = renderer
        let spec = built.spec
        let bytes = try await NIOThreadPool.singleton.runIfActive { try renderer.sealedPDF(spec, at: now) }
        // Filed before the transaction: the blobs may go to the database through
        // the store's own connection, which must not wait for this transaction's
        // write lock. A rerun finds the document (its id is the request's) and goes on.
        let document = try await archive.file(
            bytes, title: built.title, fileName: Self.fileName(built.title, member: member), category: .certificate,
            memberID: member.requireID(), source: "portal:certificate", id: request.requireID(), on: db)
        try await db.writeTransaction { tx in
            request.state = .ready
            request.documentID = document.id
            request.finishedAt = now
            try await request.save(on: tx)
            try await Inbox.post(.certificateReady, to: member.requireID(), parameters: [built.title], documentID: document.id, on: tx, at: now)
        }
    }

    /// RFC 6266-safe ASCII name: "Beitragsbescheinigung-2025-10001-01.pdf".
    package static func fileName(_ title: String, member: Member) -> String {
        let ascii = (title + " " + member.memberNumber)
            .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe").replacingOccurrences(of: "ü", with: "ue")
            .replacingOccurrences(of: "ß", with: "ss")
            .map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        return ascii.split(separator: "-").joined(separator: "-") + ".pdf"
    }
}

