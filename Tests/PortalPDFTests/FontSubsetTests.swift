import Foundation
import Testing
@testable import PortalPDF

@Suite("TrueType subsetting")
struct FontSubsetTests {
    @Test func subsetKeepsUsedGlyphsAndTheirComponents() throws {
        let font = try Fixtures.fonts.get().regular
        let used = Set("Müller Ağaoğlu".unicodeScalars.compactMap { font.glyphID(for: $0) })

        let subset = TrueTypeSubset(font: font, glyphs: used)

        #expect(subset.oldGlyphs.first == 0, ".notdef stays glyph 0")
        #expect(used.isSubset(of: Set(subset.oldGlyphs)))
        for glyph in subset.oldGlyphs {
            #expect(Set(TrueTypeSubset.components(of: font.glyphData(glyph))).isSubset(of: Set(subset.oldGlyphs)))
        }
        #expect(subset.fontProgram.count < font.data.count / 5)
    }

    @Test func subsetIsAValidFontThatParsesAgain() throws {
        let font = try Fixtures.fonts.get().bold
        let used = Set("Beitragsbescheinigung".unicodeScalars.compactMap { font.glyphID(for: $0) })
        let subset = TrueTypeSubset(font: font, glyphs: used)

        let program = subset.fontProgram
        #expect(sfntChecksum(program[...]) == 0xB1B0_AFBA, "whole-font checksum")
        let tableCount = Int(program.u16(4))
        var tags: [String] = []
        for index in 0..<tableCount {
            tags.append(String(decoding: program[12 + index * 16..<16 + index * 16], as: UTF8.self))
        }
        #expect(tags == tags.sorted())
        #expect(Set(["glyf", "head", "hhea", "hmtx", "loca", "maxp"]).isSubset(of: Set(tags)))
    }

    @Test func missingFontFolderIsReportedWithItsPath() {
        #expect(throws: PDFError.fontNotFound("/nonexistent/DejaVuSans.ttf")) {
            try FontSet(directory: URL(fileURLWithPath: "/nonexistent"))
        }
    }
}
