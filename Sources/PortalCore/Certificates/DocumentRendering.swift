import Foundation
import NIOConcurrencyHelpers
import PortalPDF

/// The PDF renderer and the fund's seal, loaded on first use: a machine
/// without the fonts still starts the portal and gets a clear error only
/// when a document is made.
package final class DocumentRendering: Sendable {
    package let configuration: PortalConfiguration
    private let loaded = NIOLockedValueBox<(PDFRenderer, SealIdentity)?>(nil)

    package init(configuration: PortalConfiguration) {
        self.configuration = configuration
    }

    package func renderer() throws -> (PDFRenderer, SealIdentity) {
        try loaded.withLockedValue { cached in
            if let cached { return cached }
            let fonts = try FontSet(directory: configuration.fontDirectory)
            let seal = try loadSeal()
            let value = (PDFRenderer(fonts: fonts), seal)
            cached = value
            return value
        }
    }

    /// Renders and seals: § 3a VwVfG — the sealed PDF is what makes a
    /// certificate or submission verifiable without a signature by hand.
    package func sealedPDF(_ spec: PDFDocumentSpec, at time: Date) throws -> [UInt8] {
        let (renderer, identity) = try renderer()
        let seal = PDFSeal(identity: identity, reason: "Elektronisches Siegel – \(configuration.fund.name)",
                           location: configuration.fund.addressLines.last, signingTime: time)
        return try renderer.render(spec, seal: seal)
    }

    private func loadSeal() throws -> SealIdentity {
        if let certificate = configuration.sealCertificateFile, let key = configuration.sealKeyFile {
            return try SealIdentity(pemCertificate: try String(contentsOfFile: certificate, encoding: .utf8),
                                    pemPrivateKey: try String(contentsOfFile: key, encoding: .utf8))
        }
        return try SealIdentity.loadOrCreateDevelopment(in: configuration.dataDirectory.appendingPathComponent("seal"),
                                                        organization: configuration.fund.name)
    }
}
