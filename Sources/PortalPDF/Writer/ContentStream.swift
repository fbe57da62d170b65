/// Writes a page's drawing operators, each stretch wrapped in marked content
/// (BDC/EMC) so the structure tree can point at it. Built as bytes, not
/// strings: this is the hottest loop of rendering.
struct ContentStream {
    /// Old glyph id to subset glyph id, per font style.
    let glyphMaps: [FontStyle: [UInt16: UInt16]]
    let structure: StructureTree

    func build(_ page: LaidOutPage) -> [UInt8] {
        var out = PDFBytes()
        out.bytes.reserveCapacity(16_384)
        out += "0 0 0 rg 0 0 0 RG\n"
        var mcid = 0
        for content in page.contents {
            switch content.tag {
            case .element(let element):
                out += "/\(structure.elements[element].role) <</MCID \(mcid)>> BDC\n"
                mcid += 1
            case .artifact(let kind):
                out += "/Artifact \(kind.properties) BDC\n"
            }
            for op in content.ops { write(op, into: &out) }
            out += "EMC\n"
        }
        return out.bytes
    }

    private func write(_ op: DrawOp, into out: inout PDFBytes) {
        switch op {
        case .text(let run):
            let map = glyphMaps[run.style] ?? [:]
            out += "BT /\(run.style.resourceName) "
            out.number(run.size)
            out += " Tf "
            out.point(run.x, run.baseline)
            out += " Td <"
            for glyph in run.glyphs { out.hex4(map[glyph] ?? 0) }
            out += "> Tj ET\n"
        case .line(let x1, let y1, let x2, let y2, let width, let gray):
            out += "q "
            out.gray(gray)
            out += " RG "
            out.number(width)
            out += " w "
            out.point(x1, y1)
            out += " m "
            out.point(x2, y2)
            out += " l S Q\n"
        case .fill(let x, let top, let width, let height, let gray):
            out += "q "
            out.gray(gray)
            out += " rg "
            out.point(x, top + height)
            out += " "
            out.number(width)
            out += " "
            out.number(height)
            out += " re f Q\n"
        }
    }
}

/// A byte buffer with the few PDF primitives content streams need.
struct PDFBytes {
    var bytes: [UInt8] = []
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func += (buffer: inout PDFBytes, text: String) {
        buffer.bytes.append(contentsOf: text.utf8)
    }

    /// Same format as `PDFSyntax.number`: up to three decimals, no exponent.
    mutating func number(_ value: Double) {
        var scaled = Int((value * 1000).rounded())
        if scaled < 0 { bytes.append(UInt8(ascii: "-")); scaled = -scaled }
        integer(scaled / 1000)
        var fraction = scaled % 1000
        guard fraction > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private mutating func integer(_ value: Int) {
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A point given from the top edge, written in PDF's bottom-up coordinates.
    mutating func point(_ x: Double, _ fromTop: Double) {
        number(x)
        bytes.append(UInt8(ascii: " "))
        number(PageGeometry.height - fromTop)
    }

    mutating func gray(_ level: Double) {
        for index in 0..<3 {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            number(level)
        }
    }

    mutating func hex4(_ value: UInt16) {
        bytes.append(Self.hexDigits[Int(value >> 12)])
        bytes.append(Self.hexDigits[Int((value >> 8) & 0xF)])
        bytes.append(Self.hexDigits[Int((value >> 4) & 0xF)])
        bytes.append(Self.hexDigits[Int(value & 0xF)])
    }
}
