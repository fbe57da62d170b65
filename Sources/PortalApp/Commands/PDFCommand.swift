import Foundation
import PortalPDF
import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// `portal pdf sample --out FILE`: writes the sealed sample certificate.
struct PDFCommand: AsyncCommandGroup {
    let services: PortalServices
    var help: String { "PDF documents: write a sealed sample to check letterhead and seal." }
    var commands: [String: any AnyAsyncCommand] { ["sample": Sample(services: services)] }

    struct Sample: AsyncCommand {
        let services: PortalServices

        struct Signature: CommandSignature {
            @Option(name: "out", help: "where to write the PDF (default sample-certificate.pdf)")
            var out: String?
        }
        var help: String { "Writes the sealed sample contribution certificate." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let now = services.clock.now()
            let bytes = try services.rendering.sealedPDF(SampleCertificate.spec(fund: services.configuration.fund, date: now), at: now)
            let path = signature.out ?? "sample-certificate.pdf"
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            context.console.line("wrote \(path) (\(bytes.count) bytes, sealed)")
        }
    }
}
