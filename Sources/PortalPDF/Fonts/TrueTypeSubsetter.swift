/// Builds a TrueType font program holding only the glyphs a document uses.
///
/// Glyphs are renumbered densely (new id 0 is .notdef), and the PDF uses the
/// new ids as CIDs with /CIDToGIDMap /Identity. Composite glyphs (most accented
/// letters in DejaVu are base letter + accent) pull in their components, whose
/// references are rewritten to the new ids.
struct TrueTypeSubset {
    /// Old glyph ids in new-id order: `oldGlyphs[newID] == oldID`.
    let oldGlyphs: [UInt16]
    let newIDs: [UInt16: UInt16]
    let fontProgram: [UInt8]

    init(font: TrueTypeFont, glyphs used: Set<UInt16>) {
        var closure = used.union([0])
        var pending = Array(closure)
        while let glyph = pending.popLast() {
            for component in Self.components(of: font.glyphData(glyph)) where closure.insert(component).inserted {
                pending.append(component)
            }
        }
        oldGlyphs = closure.sorted()
        var newIDs: [UInt16: UInt16] = [:]
        for (new, old) in oldGlyphs.enumerated() { newIDs[old] = UInt16(new) }
        self.newIDs = newIDs
        fontProgram = Self.buildFont(font, oldGlyphs, newIDs)
    }

    private static let argsAreWords: UInt16 = 0x0001, haveScale: UInt16 = 0x0008
    private static let moreComponents: UInt16 = 0x0020, haveXYScale: UInt16 = 0x0040, haveTwoByTwo: UInt16 = 0x0080

    /// Walks a composite glyph's component records; calls `visit` with the offset of each glyph index.
    private static func forEachComponent(_ glyph: ArraySlice<UInt8>, _ visit: (Int) -> Void) {
        guard glyph.count > 10 else { return }
        let bytes = Array(glyph)
        guard bytes.i16(0) < 0 else { return }
        var offset = 10
        while offset + 4 <= bytes.count {
            let flags = bytes.u16(offset)
            visit(offset + 2)
            offset += 4 + (flags & argsAreWords != 0 ? 4 : 2)
            if flags & haveScale != 0 { offset += 2 } else if flags & haveXYScale != 0 { offset += 4 } else if flags & haveTwoByTwo != 0 { offset += 8 }
            if flags & moreComponents == 0 { break }
        }
    }

    static func components(of glyph: ArraySlice<UInt8>) -> [UInt16] {
        let bytes = Array(glyph)
        var result: [UInt16] = []
        forEachComponent(glyph) { result.append(bytes.u16($0)) }
        return result
    }

    private static func buildFont(_ font: TrueTypeFont, _ oldGlyphs: [UInt16], _ newIDs: [UInt16: UInt16]) -> [UInt8] {
        var glyf: [UInt8] = [], loca: [UInt8] = [], hmtx: [UInt8] = []
        for old in oldGlyphs {
            loca.appendU32(UInt32(glyf.count))
            var glyph = Array(font.glyphData(old))
            let original = glyph
            forEachComponent(original[...]) { position in
                glyph.setU16(newIDs[original.u16(position)] ?? 0, at: position)
            }
            glyf.append(contentsOf: glyph)
            glyf.padToFourBytes()
            hmtx.appendU16(font.advances[Int(old)])
            hmtx.appendU16(UInt16(bitPattern: font.leftSideBearings[Int(old)]))
        }
        loca.appendU32(UInt32(glyf.count))

        var head = Array(font.data[font.tables["head"]!])
        head.setU32(0, at: 8)  // checkSumAdjustment, recomputed below
        head.setU16(1, at: 50)  // long loca offsets
        var hhea = Array(font.data[font.tables["hhea"]!])
        hhea.setU16(UInt16(oldGlyphs.count), at: 34)
        var maxp = Array(font.data[font.tables["maxp"]!])
        maxp.setU16(UInt16(oldGlyphs.count), at: 4)

        // The hinting programs stay: glyph instructions call functions defined in fpgm.
        var tables: [(String, [UInt8])] = [("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("loca", loca), ("maxp", maxp)]
        for tag in ["cvt ", "fpgm", "prep"] {
            if let range = font.tables[tag] { tables.append((tag, Array(font.data[range]))) }
        }
        tables.sort { $0.0 < $1.0 }
        return assemble(tables)
    }

    private static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        var entrySelector = 0
        while 1 << (entrySelector + 1) <= tables.count { entrySelector += 1 }
        let searchRange = (1 << entrySelector) * 16
        var out: [UInt8] = []
        out.appendU32(0x0001_0000)
        out.appendU16(UInt16(tables.count))
        out.appendU16(UInt16(searchRange))
        out.appendU16(UInt16(entrySelector))
        out.appendU16(UInt16(tables.count * 16 - searchRange))
        var offset = 12 + tables.count * 16
        var headOffset = 0
        for (tag, bytes) in tables {
            out.append(contentsOf: Array(tag.utf8))
            out.appendU32(sfntChecksum(bytes[...]))
            out.appendU32(UInt32(offset))
            out.appendU32(UInt32(bytes.count))
            if tag == "head" { headOffset = offset }
            offset += (bytes.count + 3) / 4 * 4
        }
        for (_, bytes) in tables {
            out.append(contentsOf: bytes)
            out.padToFourBytes()
        }
        out.setU32(0xB1B0_AFBA &- sfntChecksum(out[...]), at: headOffset + 8)
        return out
    }
}
