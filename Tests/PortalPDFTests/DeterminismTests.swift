import Foundation
import Testing
@testable import PortalPDF

@Suite("Deterministic output")
struct DeterminismTests {
    @Test func sameInputGivesTheSameSealedBytes() throws {
        let renderer = try Fixtures.renderer()
        let seal = try Fixtures.seal()

        let first = try renderer.render(Fixtures.certificate(), seal: seal)
        let second = try renderer.render(Fixtures.certificate(), seal: seal)

        #expect(first == second)
    }

    @Test func anotherCreationDateGivesAnotherFileIdentifier() throws {
        let renderer = try Fixtures.renderer()
        var later = Fixtures.certificate()
        later.creationDate = Fixtures.date.addingTimeInterval(60)

        let first = try renderer.render(Fixtures.certificate())
        let second = try renderer.render(later)

        #expect(first != second)
        #expect(fileID(first) != fileID(second))
    }

    private func fileID(_ pdf: [UInt8]) -> String? {
        let text = String(decoding: pdf.suffix(400), as: UTF8.self)
        return text.range(of: #"/ID \[<[0-9A-F]+>"#, options: .regularExpression).map { String(text[$0]) }
    }
}
