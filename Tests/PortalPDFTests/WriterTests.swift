import Foundation
import Testing
@testable import PortalPDF

@Suite("PDF syntax and compression")
struct WriterTests {
    @Test func deflateOutputIsReadByZlib() throws {
        let font = try Fixtures.fonts.get().regular
        let samples: [[UInt8]] = [
            [], Array("a".utf8), Array(repeating: 0x41, count: 70_000),
            Array(font.data.prefix(150_000)), Array(String(repeating: "BT /F1 10 Tf 70.866 700 Td <0012> Tj ET\n", count: 500).utf8),
        ]
        for sample in samples {
            let compressed = Deflate.zlib(sample)
            let file = try Fixtures.write(compressed, name: "sample.z")

            let result = try Tools.run("python3", ["-c", "import sys,zlib; sys.stdout.write(zlib.decompress(open(sys.argv[1],'rb').read()).hex())", file.path])

            #expect(result.stdout == sample.map { String(format: "%02x", $0) }.joined(), "round trip of \(sample.count) bytes")
            if sample.count > 1000 { #expect(compressed.count < sample.count * 3 / 4) }
        }
    }

    @Test func numbersAreWrittenWithoutExponentOrLocale() {
        #expect(PDFSyntax.number(595.2755905) == "595.276")
        #expect(PDFSyntax.number(-0.5) == "-0.5")
        #expect(PDFSyntax.number(12) == "12")
        #expect(PDFSyntax.number(0.0004) == "0")
        for value in [595.2755905, -0.5, 12, 0.0004, 0.05, 841.89, -12.006, 1000.1] {
            var buffer = PDFBytes()
            buffer.number(value)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == PDFSyntax.number(value), "\(value)")
        }
    }

    @Test func textStringsUseUTF16ForNonASCII() {
        #expect(PDFSyntax.textString("Siegel (Test)") == "(Siegel \\(Test\\))")
        #expect(PDFSyntax.textString("Grüße") == "<FEFF0047007200FC00DF0065>")
    }

    @Test func datesAreUTCInPDFAndXMPForm() {
        #expect(PDFSyntax.date(Fixtures.date) == "D:20261129101500+00'00'")
        #expect(PDFSyntax.xmpDate(Fixtures.date) == "2026-11-29T10:15:00+00:00")
    }
}
