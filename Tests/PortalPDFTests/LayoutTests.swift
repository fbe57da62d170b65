import Foundation
import Testing
@testable import PortalPDF

@Suite("Layout: wrapping, page breaks, repeated table headers, footers")
struct LayoutTests {
    @Test func wrappedLinesFitTheWidthAndKeepEveryWord() throws {
        let shaper = TextShaper(fonts: try Fixtures.fonts.get())
        let text = "Die Beiträge wurden fristgerecht und vollständig gezahlt; Überweisungen erfolgten monatlich. " + String(repeating: "Sehr-lang-zusammengesetztes-Wort", count: 4)

        let lines = shaper.wrap(text, .regular, 10, maxWidth: 200)

        #expect(lines.count > 3)
        for line in lines {
            #expect(line.width <= 200)
            #expect(abs(line.width - shaper.width(line.glyphs, .regular, 10)) < 0.001)
        }
        let rejoined = lines.map { String(String.UnicodeScalarView($0.scalars)) }.joined()
        #expect(rejoined.replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test func widthsComeFromTheFontsAdvanceWidths() throws {
        let shaper = TextShaper(fonts: try Fixtures.fonts.get())

        let (narrow, _) = shaper.shape("iiii", .regular)
        let (wide, _) = shaper.shape("WWWW", .regular)
        let (wideBold, _) = shaper.shape("WWWW", .bold)

        #expect(shaper.width(wide, .regular, 10) > 2 * shaper.width(narrow, .regular, 10))
        #expect(shaper.width(wideBold, .bold, 10) > shaper.width(wide, .regular, 10))
    }

    @Test func longTableRepeatsItsHeaderOnPageTwoAndCountsPages() throws {
        let file = try Fixtures.write(try Fixtures.renderer().render(Fixtures.certificate(rows: 40)))

        let page1 = try Tools.pdftotext(file, page: 1)
        let page2 = try Tools.pdftotext(file, page: 2)

        #expect(throws: Tools.Failed.self) { try Tools.pdftotext(file, page: 3) }
        for header in ["Monat", "Beitrag", "davon Mitglied", "davon Arbeitgeber"] {
            #expect(page1.contains(header))
            #expect(page2.contains(header), "header \(header) not repeated on page 2:\n\(page2)")
        }
        #expect(page1.contains("Seite 1 von 2"))
        #expect(page2.contains("Seite 2 von 2"))
        #expect(page2.contains("Summe"))
        #expect(!page2.contains("Dr. Jördis Müller-Weiß"), "the address window belongs to page 1 only")
    }

    @Test func footerLabelIsLocalisable() throws {
        var spec = Fixtures.certificate(attachment: nil)
        spec.pageLabel = { "Page \($0) of \($1)" }

        let text = try Tools.pdftotext(try Fixtures.write(try Fixtures.renderer().render(spec)))

        #expect(text.contains("Page 1 of 1"))
        #expect(!text.contains("Seite"))
    }

    @Test func addressSitsInTheDIN5008Window() throws {
        let (pages, _) = LayoutEngine.layout(Fixtures.certificate(), fonts: try Fixtures.fonts.get())
        let runs = pages[0].contents.flatMap(\.ops).compactMap { op -> GlyphRun? in if case .text(let run) = op { run } else { nil } }
        let recipient = runs.filter { String(String.UnicodeScalarView($0.scalars)).contains("Jördis") }

        #expect(recipient.count == 1)
        let run = try #require(recipient.first)
        let mm = 25.4 / 72
        // Form B window: 20..105 mm from the left, 45..90 mm from the top.
        #expect(run.x * mm >= 20 && run.x * mm <= 105)
        #expect(run.baseline * mm >= 45 && run.baseline * mm <= 90)
    }
}
