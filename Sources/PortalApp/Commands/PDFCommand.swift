import Foundation
import PortalPDF
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal pdf sample --out FILE`: writes the sealed sample certificate.
struct PDFCommand: AsyncCommandGroup {
    var help: String { "PDF documents: write a sealed sample to check letterhead and seal." }
    var commands: [String: any AnyAsyncCommand] { ["sample": Sample()] }

    struct Sample: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "out", help: "where to write the PDF (default sample-certificate.pdf)")
            var out: String?
        }
        var help: String { "Writes the sealed sample contribution certificate." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let now = app.portal.clock.now()
            let bytes = try app.documents.sealedPDF(SampleCertificate.spec(fund: app.portal.configuration.fund, date: now), at: now)
            let path = signature.out ?? "sample-certificate.pdf"
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            context.console.line("wrote \(path) (\(bytes.count) bytes, sealed)")
        }
    }
}
