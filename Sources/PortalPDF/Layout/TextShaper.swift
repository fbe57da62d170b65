import Foundation

/// One line of text ready to draw.
struct ShapedLine {
    var glyphs: [UInt16]
    var scalars: [Unicode.Scalar]
    var width: Double
}

/// Maps text to glyphs and breaks it into lines by the fonts' real advance widths.
/// One glyph per character and no ligatures, so extracted text is exactly the input.
struct TextShaper {
    let fonts: FontSet

    /// Characters the font lacks are drawn as "?" (and extracted as "?"), never dropped silently.
    func shape(_ text: String, _ style: FontStyle) -> ([UInt16], [Unicode.Scalar]) {
        let font = fonts.font(style)
        let fallback = font.glyphID(for: "?") ?? 0
        var glyphs: [UInt16] = [], scalars: [Unicode.Scalar] = []
        // NFC, so "ü" typed as u + combining diaeresis becomes the precomposed glyph.
        // (ASCII is already NFC; skipping the Foundation call halves layout time.)
        let normalized = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        for scalar in normalized.unicodeScalars {
            if scalar.properties.generalCategory == .control { continue }
            if let glyph = font.glyphID(for: scalar) {
                glyphs.append(glyph); scalars.append(scalar)
            } else {
                glyphs.append(fallback); scalars.append("?")
            }
        }
        return (glyphs, scalars)
    }

    func width(_ glyphs: [UInt16], _ style: FontStyle, _ size: Double) -> Double {
        let font = fonts.font(style)
        var units = 0
        for glyph in glyphs { units += font.width1000(of: glyph) }
        return Double(units) * size / 1000
    }

    /// Greedy word wrap at spaces; explicit newlines force a break; a word wider
    /// than the line is broken between characters.
    func wrap(_ text: String, _ style: FontStyle, _ size: Double, maxWidth: Double) -> [ShapedLine] {
        var lines: [ShapedLine] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), style, size, maxWidth))
        }
        return lines
    }

    /// Shapes the paragraph once, then breaks the glyph run at spaces.
    private func wrapParagraph(_ text: String, _ style: FontStyle, _ size: Double, _ maxWidth: Double) -> [ShapedLine] {
        let (glyphs, scalars) = shape(text, style)
        let font = fonts.font(style)
        let scale = size / 1000
        var lines: [ShapedLine] = []
        var current = ShapedLine(glyphs: [], scalars: [], width: 0)
        var spaceGlyph: UInt16?, spaceWidth = 0.0
        var index = 0
        while index < glyphs.count {
            if scalars[index] == " " {
                spaceGlyph = glyphs[index]
                spaceWidth = Double(font.width1000(of: glyphs[index])) * scale
                index += 1
                continue
            }
            var end = index, units = 0
            while end < glyphs.count && scalars[end] != " " {
                units += font.width1000(of: glyphs[end])
                end += 1
            }
            let wordWidth = Double(units) * scale
            if !current.glyphs.isEmpty, let space = spaceGlyph, current.width + spaceWidth + wordWidth <= maxWidth {
                current.glyphs.append(space)
                current.scalars.append(" ")
                current.glyphs += glyphs[index..<end]
                current.scalars += scalars[index..<end]
                current.width += spaceWidth + wordWidth
            } else {
                if !current.glyphs.isEmpty { lines.append(current) }
                current = ShapedLine(glyphs: Array(glyphs[index..<end]), scalars: Array(scalars[index..<end]), width: wordWidth)
                while current.width > maxWidth && current.glyphs.count > 1 {
                    let (head, tail) = splitOverlong(current, style, size, maxWidth)
                    lines.append(head)
                    current = tail
                }
            }
            index = end
        }
        if !current.glyphs.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    private func splitOverlong(_ line: ShapedLine, _ style: FontStyle, _ size: Double, _ maxWidth: Double) -> (ShapedLine, ShapedLine) {
        var count = 1
        while count < line.glyphs.count && width(Array(line.glyphs[0...count]), style, size) <= maxWidth { count += 1 }
        let headGlyphs = Array(line.glyphs[..<count]), tailGlyphs = Array(line.glyphs[count...])
        return (
            ShapedLine(glyphs: headGlyphs, scalars: Array(line.scalars[..<count]), width: width(headGlyphs, style, size)),
            ShapedLine(glyphs: tailGlyphs, scalars: Array(line.scalars[count...]), width: width(tailGlyphs, style, size))
        )
    }
}
