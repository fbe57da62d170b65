import Foundation
import Testing
@testable import PortalPDF

@Suite("Rendering: structure checked by qpdf, fonts and text by poppler")
struct RenderingTests {
    @Test func qpdfFindsNoErrorsOrWarnings() throws {
        let file = try Fixtures.write(try Fixtures.renderer().render(Fixtures.certificate(), seal: try Fixtures.seal()))

        let result = try Tools.run("qpdf", ["--check", file.path], check: false)

        #expect(result.status == 0, "qpdf --check: \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("No syntax or stream encoding errors found"))
        #expect(!result.stdout.lowercased().contains("warning") && result.stderr.isEmpty, "\(result.stdout) \(result.stderr)")
    }

    @Test func everyFontIsAnEmbeddedSubsetWithToUnicode() throws {
        let file = try Fixtures.write(try Fixtures.renderer().render(Fixtures.certificate()))

        let lines = try Tools.run("pdffonts", [file.path]).stdout.split(separator: "\n").dropFirst(2)

        #expect(lines.count == 2, "expected regular and bold: \(lines)")
        for line in lines {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type(2 words) encoding emb sub uni object id
            #expect(columns[0].range(of: #"^[A-Z]{6}\+DejaVuSans"#, options: .regularExpression) != nil, "\(line)")
            #expect(columns[1] == "CID" && columns[2] == "TrueType", "\(line)")
            #expect(Array(columns[4...6]) == ["yes", "yes", "yes"], "emb sub uni: \(line)")
        }
    }

    static let europeanNames = [
        "Jördis Müller-Weiß", "Ägidius Öztürk", "Gülşen Yıldırım", "İsmail Ağaoğlu", "Łucja Żółkiewska",
        "Źdźisław Kończak", "Čeněk Řehoř", "Růžena Dvořáková", "Élodie À-Lafaille", "Begoña Muñoz",
        "Åsa Sørensen", "Øystein Ångström", "Preis: 1.234,56 €",
    ]

    @Test func pdftotextReturnsEuropeanNamesExactly() throws {
        var spec = Fixtures.certificate(attachment: nil)
        spec.blocks = Self.europeanNames.map { Block.paragraph($0) }

        let text = try Tools.pdftotext(try Fixtures.write(try Fixtures.renderer().render(spec)))

        let lines = Set(text.split(separator: "\n").map { String($0) })
        for name in Self.europeanNames {
            #expect(lines.contains(name), "missing \(name) in:\n\(text)")
        }
    }

    @Test func pdftotextReturnsTheCertificateText() throws {
        let text = try Tools.pdftotext(try Fixtures.write(try Fixtures.renderer().render(Fixtures.certificate())))

        for expected in [
            "Versorgungswerk der Rechtsanwälte Musterland", "Königsallee 12 · 40212 Musterstadt", "Dr. Jördis Müller-Weiß", "12345 Überlingen",
            "Beitragsbescheinigung 2025", "März 2025", "1.234,56 €", "14.814,72 €", "Mit freundlichen Grüßen", "Seite 1 von 1",
        ] {
            #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
        }
    }

    /// Poppler rasterises every page without complaint (it reports broken fonts on stderr).
    /// With PORTALPDF_SAMPLE_DIR set, the sealed sample and its PNG are kept there (docs/sample-certificate.png).
    @Test func sampleCertificateRastersWithoutErrors() throws {
        let file = try Fixtures.write(try Fixtures.renderer().render(Fixtures.certificate(), seal: try Fixtures.seal()), name: "sample-certificate.pdf")
        let prefix = file.deletingPathExtension().path

        let result = try Tools.run("pdftoppm", ["-png", "-r", "110", "-singlefile", file.path, prefix])

        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: prefix + ".png"))
        #expect(png.count > 20_000)
        if let keep = ProcessInfo.processInfo.environment["PORTALPDF_SAMPLE_DIR"] {
            let directory = URL(fileURLWithPath: keep)
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("sample-certificate.png"))
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("sample-certificate.pdf"))
            try png.write(to: directory.appendingPathComponent("sample-certificate.png"))
            try Data(contentsOf: file).write(to: directory.appendingPathComponent("sample-certificate.pdf"))
        }
    }
}
