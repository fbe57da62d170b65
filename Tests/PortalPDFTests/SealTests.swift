import Foundation
import Testing
@testable import PortalPDF

@Suite("PAdES B-B seal, validated by pyHanko")
struct SealTests {
    @Test func sealIsIntactValidAndCoversTheWholeFile() throws {
        let file = try Fixtures.write(try Fixtures.renderer().render(Fixtures.certificate(), seal: try Fixtures.seal()))

        let facts = try Tools.pdfcheck(["seal", file.path, try Fixtures.writeCertificatePEM().path])

        #expect(facts["error"] == nil, "\(facts)")
        #expect(facts["count"] as? Int == 1)
        #expect(facts["intact"] as? Bool == true)
        #expect(facts["valid"] as? Bool == true)
        #expect(facts["trusted"] as? Bool == true)
        #expect(facts["bottom_line"] as? Bool == true)
        #expect(facts["coverage"] as? String == "ENTIRE_FILE")
        #expect(facts["sub_filter"] as? String == "/ETSI.CAdES.detached")
        #expect(facts["signed_attributes"] as? [String] == ["content_type", "message_digest", "signing_certificate_v2"])
    }

    @Test func oneChangedByteBreaksTheSeal() throws {
        var bytes = try Fixtures.renderer().render(Fixtures.certificate(), seal: try Fixtures.seal())
        // Change one letter of the producer in the XMP packet: inside the signed range, file still parses.
        let marker = Array("<pdf:Producer>P".utf8)
        let position = try #require(bytes.indices.first { bytes[$0..<min($0 + marker.count, bytes.count)].elementsEqual(marker) })
        bytes[position + marker.count - 1] = UInt8(ascii: "Q")

        let facts = try Tools.pdfcheck(["seal", try Fixtures.write(bytes).path, try Fixtures.writeCertificatePEM().path])

        // pyHanko's "valid" only covers the signature over the signed attributes; "intact" is the digest of the file.
        #expect(facts["intact"] as? Bool == false, "\(facts)")
        #expect(facts["bottom_line"] as? Bool == false)
    }

    @Test func developmentSealIsCreatedOnceAndReloaded() throws {
        let directory = Fixtures.scratch.appendingPathComponent("seal-\(UUID().uuidString)")

        let first = try SealIdentity.loadOrCreateDevelopment(in: directory, organization: "Versorgungswerk Test")
        let second = try SealIdentity.loadOrCreateDevelopment(in: directory, organization: "Versorgungswerk Test")

        #expect(first.certificate == second.certificate)
        let key = directory.appendingPathComponent("seal-key.pem").path
        let permissions = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func keyOfAnotherCertificateIsRejected() throws {
        let pem = try Fixtures.sealPEM.get()
        let other = try SealIdentity.makeDevelopmentPEM(organization: "Anderes Versorgungswerk")

        #expect(throws: PDFError.self) { try SealIdentity(pemCertificate: pem.certificate, pemPrivateKey: other.privateKey) }
    }
}
