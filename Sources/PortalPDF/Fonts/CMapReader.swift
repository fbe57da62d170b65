/// Reads the font's Unicode cmap: format 12 (full Unicode) when present, else format 4 (BMP).
enum CMapReader {
    static func read(_ bytes: [UInt8], table: Range<Int>, fontName: String) throws -> [UInt32: UInt16] {
        let base = table.lowerBound
        var format4: Int?, format12: Int?
        for index in 0..<Int(bytes.u16(base + 2)) {
            let record = base + 4 + index * 8
            let platform = bytes.u16(record), encoding = bytes.u16(record + 2)
            let offset = base + Int(bytes.u32(record + 4))
            let format = bytes.u16(offset)
            if platform == 3 && encoding == 10 && format == 12 { format12 = offset }
            if (platform == 3 && encoding == 1 || platform == 0) && format == 4 { format4 = format4 ?? offset }
        }
        if let offset = format12 { return readFormat12(bytes, offset) }
        if let offset = format4 { return readFormat4(bytes, offset) }
        throw PDFError.invalidFont("\(fontName): no Unicode cmap")
    }

    private static func readFormat12(_ bytes: [UInt8], _ offset: Int) -> [UInt32: UInt16] {
        var map: [UInt32: UInt16] = [:]
        for group in 0..<Int(bytes.u32(offset + 12)) {
            let record = offset + 16 + group * 12
            let start = bytes.u32(record), end = bytes.u32(record + 4), glyph = bytes.u32(record + 8)
            guard end >= start else { continue }
            for code in start...end { map[code] = UInt16(truncatingIfNeeded: glyph + code - start) }
        }
        return map
    }

    private static func readFormat4(_ bytes: [UInt8], _ offset: Int) -> [UInt32: UInt16] {
        var map: [UInt32: UInt16] = [:]
        let segments = Int(bytes.u16(offset + 6)) / 2
        let ends = offset + 14, starts = ends + segments * 2 + 2
        let deltas = starts + segments * 2, rangeOffsets = deltas + segments * 2
        for segment in 0..<segments {
            let end = bytes.u16(ends + segment * 2), start = bytes.u16(starts + segment * 2)
            let delta = bytes.u16(deltas + segment * 2)
            let rangeOffsetPosition = rangeOffsets + segment * 2
            let rangeOffset = Int(bytes.u16(rangeOffsetPosition))
            guard start != 0xFFFF, end >= start else { continue }
            for code in start...end {
                var glyph: UInt16
                if rangeOffset == 0 {
                    glyph = code &+ delta
                } else {
                    let glyphPosition = rangeOffsetPosition + rangeOffset + Int(code - start) * 2
                    glyph = bytes.u16(glyphPosition)
                    if glyph != 0 { glyph = glyph &+ delta }
                }
                if glyph != 0 { map[UInt32(code)] = glyph }
            }
        }
        return map
    }
}
