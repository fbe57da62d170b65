import Crypto

/// Embeds each used font as a Type0/CIDFontType2 subset with Identity-H
/// encoding, exact /W widths and a ToUnicode CMap.
struct FontEmbedder {
    struct Usage {
        /// Old glyph id to the character it stands for (first one seen wins).
        var characters: [UInt16: Unicode.Scalar] = [:]
    }

    static func collectUsage(_ pages: [LaidOutPage]) -> [FontStyle: Usage] {
        var usage: [FontStyle: Usage] = [:]
        for page in pages {
            for content in page.contents {
                for case .text(let run) in content.ops {
                    var entry = usage[run.style] ?? Usage()
                    for (glyph, scalar) in zip(run.glyphs, run.scalars) where entry.characters[glyph] == nil {
                        entry.characters[glyph] = scalar
                    }
                    usage[run.style] = entry
                }
            }
        }
        return usage
    }

    /// Writes the font objects; returns the Type0 font's object number and the glyph renumbering.
    static func embed(_ font: TrueTypeFont, usage: Usage, into writer: inout ObjectWriter) -> (font: Int, glyphMap: [UInt16: UInt16]) {
        let subset = TrueTypeSubset(font: font, glyphs: Set(usage.characters.keys))
        let baseName = subsetTag(font, subset.oldGlyphs) + "+" + font.postScriptName
        let fontFile = writer.addCompressedStream(" /Length1 \(subset.fontProgram.count)", subset.fontProgram)
        let (left, bottom, right, top) = font.boundingBox
        let descriptor = writer.add(
            "<</Type /FontDescriptor /FontName \(PDFSyntax.name(baseName)) /Flags 4"
                + " /FontBBox [\(font.scaled(left)) \(font.scaled(bottom)) \(font.scaled(right)) \(font.scaled(top))]"
                + " /ItalicAngle 0 /Ascent \(font.scaled(font.ascent)) /Descent \(font.scaled(font.descent))"
                + " /CapHeight \(font.scaled(font.capHeight)) /StemV \(font.isBold ? 120 : 80) /FontFile2 \(fontFile) 0 R>>"
        )
        let widths = subset.oldGlyphs.map { String(font.width1000(of: $0)) }.joined(separator: " ")
        let cidFont = writer.add(
            "<</Type /Font /Subtype /CIDFontType2 /BaseFont \(PDFSyntax.name(baseName))"
                + " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"
                + " /FontDescriptor \(descriptor) 0 R /W [0 [\(widths)]] /CIDToGIDMap /Identity>>"
        )
        let toUnicode = writer.addCompressedStream("", toUnicodeCMap(subset, usage))
        let type0 = writer.add(
            "<</Type /Font /Subtype /Type0 /BaseFont \(PDFSyntax.name(baseName)) /Encoding /Identity-H"
                + " /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R>>"
        )
        return (type0, subset.newIDs)
    }

    /// Six capital letters derived from the glyph set, as PDF requires for subsets ("ABCDEF+DejaVuSans").
    private static func subsetTag(_ font: TrueTypeFont, _ glyphs: [UInt16]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(font.postScriptName.utf8))
        for glyph in glyphs { hasher.update(data: [UInt8(glyph >> 8), UInt8(glyph & 0xFF)]) }
        return String(hasher.finalize().prefix(6).map { Character(UnicodeScalar(65 + $0 % 26)) })
    }

    private static func toUnicodeCMap(_ subset: TrueTypeSubset, _ usage: Usage) -> [UInt8] {
        var entries: [String] = []
        for (new, old) in subset.oldGlyphs.enumerated() {
            guard let scalar = usage.characters[old] else { continue }
            let units = String(scalar).utf16.map { PDFSyntax.hex4($0) }.joined()
            entries.append("<\(PDFSyntax.hex4(UInt16(new)))> <\(units)>")
        }
        var cmap = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        // A bfchar block holds at most 100 entries.
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + 100, entries.count)]
            cmap += "\(chunk.count) beginbfchar\n" + chunk.joined(separator: "\n") + "\nendbfchar\n"
            start += 100
        }
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return Array(cmap.utf8)
    }
}
