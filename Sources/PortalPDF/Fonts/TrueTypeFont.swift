import Foundation

/// A parsed TrueType font (glyf outlines): the metrics the layout needs and
/// the raw tables the subsetter copies.
///
/// Only what a PDF needs is read: no shaping, no kerning, no ligatures. That
/// keeps text extraction exact (one glyph per character) for the Latin
/// scripts the fund's members write their names in.
public struct TrueTypeFont: Sendable {
    /// The PostScript name, used as the PDF /BaseFont after the subset tag.
    public let postScriptName: String
    let data: [UInt8]
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let numGlyphs: Int
    let longLoca: Bool
    /// Advance widths in font units, one per glyph.
    let advances: [UInt16]
    let leftSideBearings: [Int16]
    /// Unicode scalar to glyph id, from the (3,10) or (3,1) cmap.
    let glyphIDs: [UInt32: UInt16]
    let ascent: Int
    let descent: Int
    let capHeight: Int
    let boundingBox: (Int, Int, Int, Int)
    let isBold: Bool

    public init(contentsOf url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        try self.init(bytes: bytes, name: url.lastPathComponent)
    }

    init(bytes: [UInt8], name: String) throws {
        guard bytes.count > 12, bytes.u32(0) == 0x0001_0000 || bytes.u32(0) == 0x7472_7565 else {
            throw PDFError.invalidFont("\(name): not a TrueType font")
        }
        var tables: [String: Range<Int>] = [:]
        for index in 0..<Int(bytes.u16(4)) {
            let record = 12 + index * 16
            let tag = String(decoding: bytes[record..<record + 4], as: UTF8.self)
            let offset = Int(bytes.u32(record + 8)), length = Int(bytes.u32(record + 12))
            guard offset + length <= bytes.count else { throw PDFError.invalidFont("\(name): table \(tag) out of bounds") }
            tables[tag] = offset..<offset + length
        }
        for required in ["head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"] where tables[required] == nil {
            throw PDFError.invalidFont("\(name): missing table \(required) (only TrueType outlines are supported)")
        }
        let head = tables["head"]!.lowerBound, hhea = tables["hhea"]!.lowerBound
        data = bytes
        self.tables = tables
        unitsPerEm = Int(bytes.u16(head + 18))
        boundingBox = (Int(bytes.i16(head + 36)), Int(bytes.i16(head + 38)), Int(bytes.i16(head + 40)), Int(bytes.i16(head + 42)))
        longLoca = bytes.i16(head + 50) == 1
        isBold = bytes.u16(head + 44) & 1 == 1
        numGlyphs = Int(bytes.u16(tables["maxp"]!.lowerBound + 4))
        ascent = Int(bytes.i16(hhea + 4))
        descent = Int(bytes.i16(hhea + 6))
        if let os2 = tables["OS/2"], bytes.u16(os2.lowerBound) >= 2, os2.count >= 90 {
            capHeight = Int(bytes.i16(os2.lowerBound + 88))
        } else {
            capHeight = ascent
        }
        (advances, leftSideBearings) = Self.readHorizontalMetrics(bytes, tables, numGlyphs, Int(bytes.u16(hhea + 34)))
        glyphIDs = try CMapReader.read(bytes, table: tables["cmap"]!, fontName: name)
        postScriptName = Self.readPostScriptName(bytes, tables["name"]) ?? name.replacingOccurrences(of: ".ttf", with: "")
    }

    func glyphID(for scalar: Unicode.Scalar) -> UInt16? {
        glyphIDs[scalar.value]
    }

    /// The advance width in thousandths of an em, rounded as it is written to the PDF /W array,
    /// so layout and viewer agree exactly on where each glyph goes.
    func width1000(of glyph: UInt16) -> Int {
        let advance = Int(advances[Int(glyph) < advances.count ? Int(glyph) : 0])
        return (advance * 1000 + unitsPerEm / 2) / unitsPerEm
    }

    func scaled(_ fontUnits: Int) -> Int {
        fontUnits * 1000 / unitsPerEm
    }

    /// The outline bytes of one glyph (empty for a glyph without contours).
    func glyphData(_ glyph: UInt16) -> ArraySlice<UInt8> {
        let loca = tables["loca"]!.lowerBound, glyf = tables["glyf"]!.lowerBound
        let index = Int(glyph)
        let start: Int, end: Int
        if longLoca {
            start = Int(data.u32(loca + index * 4)); end = Int(data.u32(loca + index * 4 + 4))
        } else {
            start = Int(data.u16(loca + index * 2)) * 2; end = Int(data.u16(loca + index * 2 + 2)) * 2
        }
        guard end > start else { return [] }
        return data[glyf + start..<glyf + end]
    }

    private static func readHorizontalMetrics(
        _ bytes: [UInt8], _ tables: [String: Range<Int>], _ numGlyphs: Int, _ numberOfHMetrics: Int
    ) -> ([UInt16], [Int16]) {
        let hmtx = tables["hmtx"]!.lowerBound
        var advances = [UInt16](), bearings = [Int16]()
        advances.reserveCapacity(numGlyphs)
        bearings.reserveCapacity(numGlyphs)
        for glyph in 0..<numGlyphs {
            if glyph < numberOfHMetrics {
                advances.append(bytes.u16(hmtx + glyph * 4))
                bearings.append(bytes.i16(hmtx + glyph * 4 + 2))
            } else {
                // Monospaced tails repeat the last advance; only the side bearing is stored.
                advances.append(advances.last ?? 0)
                bearings.append(bytes.i16(hmtx + numberOfHMetrics * 4 + (glyph - numberOfHMetrics) * 2))
            }
        }
        return (advances, bearings)
    }

    /// Name id 6 in the Windows (UTF-16BE) or Macintosh (Roman) record.
    private static func readPostScriptName(_ bytes: [UInt8], _ range: Range<Int>?) -> String? {
        guard let table = range?.lowerBound else { return nil }
        let count = Int(bytes.u16(table + 2)), storage = table + Int(bytes.u16(table + 4))
        for index in 0..<count {
            let record = table + 6 + index * 12
            guard bytes.u16(record + 6) == 6 else { continue }
            let platform = bytes.u16(record), length = Int(bytes.u16(record + 8))
            let start = storage + Int(bytes.u16(record + 10))
            let raw = bytes[start..<start + length]
            if platform == 3 {
                let units = stride(from: raw.startIndex, to: raw.endIndex - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                return String(decoding: units, as: UTF16.self)
            }
            if platform == 1 { return String(decoding: raw, as: UTF8.self) }
        }
        return nil
    }
}
