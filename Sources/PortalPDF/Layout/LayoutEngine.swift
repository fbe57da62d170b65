/// Flows a document's blocks onto A4 pages: top to bottom, breaking pages
/// when the next line, row or heading does not fit.
struct LayoutEngine {
    let shaper: TextShaper
    var pages: [LaidOutPage] = []
    var structure = StructureTree()
    /// Distance of the next line's top from the page's top edge.
    var cursor = 0.0

    init(fonts: FontSet) {
        shaper = TextShaper(fonts: fonts)
    }

    static func layout(_ spec: PDFDocumentSpec, fonts: FontSet) -> (pages: [LaidOutPage], structure: StructureTree) {
        var engine = LayoutEngine(fonts: fonts)
        engine.startFirstPage(spec)
        for block in spec.blocks { engine.place(block) }
        engine.addPageFurniture(spec.pageLabel)
        return (engine.pages, engine.structure)
    }

    var pageIndex: Int { pages.count - 1 }

    mutating func newPage(top: Double = PageGeometry.continuationTop) {
        pages.append(LaidOutPage())
        cursor = top
    }

    /// Starts a new page unless `height` more points fit above the bottom margin.
    /// Returns true when it broke the page.
    @discardableResult
    mutating func ensureSpace(_ height: Double) -> Bool {
        guard cursor + height > PageGeometry.bottomLimit else { return false }
        newPage()
        return true
    }

    var atTopOfPage: Bool { cursor <= PageGeometry.continuationTop + 0.01 }

    /// Records drawing on the current page, as content of `tag`. Consecutive
    /// drawing for the same element merges into one marked-content sequence.
    mutating func draw(_ ops: [DrawOp], as tag: ContentTag) {
        if case .element(let element) = tag {
            if let last = pages[pageIndex].contents.last, last.tag == tag {
                pages[pageIndex].contents[pages[pageIndex].contents.count - 1].ops += ops
                return
            }
            structure.attach(.content(page: pageIndex, mcid: pages[pageIndex].nextMCID), to: element)
            pages[pageIndex].nextMCID += 1
        }
        pages[pageIndex].contents.append(MarkedContent(tag: tag, ops: ops))
    }

    func run(_ line: ShapedLine, x: Double, baseline: Double, _ style: FontStyle, _ size: Double) -> DrawOp {
        .text(GlyphRun(x: x, baseline: baseline, style: style, size: size, glyphs: line.glyphs, scalars: line.scalars))
    }

    mutating func place(_ block: Block) {
        switch block {
        case .heading(let text, let level): placeHeading(text, level: level)
        case .paragraph(let text, let bold): placeParagraph(text, style: bold ? .bold : .regular)
        case .keyValues(let pairs): placeKeyValues(pairs)
        case .table(let table): placeTable(table)
        case .spacer(let points): if !ensureSpace(points) { cursor += points }
        case .pageBreak: newPage()
        }
    }

    mutating func placeHeading(_ text: String, level: Int) {
        let level = min(max(level, 1), 3)
        let size = Typography.headingSize(level: level)
        let lineHeight = size * 1.25
        let lines = shaper.wrap(text, .bold, size, maxWidth: PageGeometry.textWidth)
        if !atTopOfPage { cursor += size * 0.6 }
        // Keep the heading with the first two lines of what follows.
        let bodyLine = Typography.bodySize * Typography.lineFactor
        ensureSpace(Double(lines.count) * lineHeight + 2 * bodyLine)
        let element = structure.add("H\(level)")
        for line in lines {
            draw([run(line, x: PageGeometry.left, baseline: cursor + size, .bold, size)], as: .element(element))
            cursor += lineHeight
        }
        cursor += size * 0.3
    }

    mutating func placeParagraph(_ text: String, style: FontStyle) {
        let size = Typography.bodySize, lineHeight = size * Typography.lineFactor
        let lines = shaper.wrap(text, style, size, maxWidth: PageGeometry.textWidth)
        let element = structure.add("P")
        for line in lines {
            ensureSpace(lineHeight)
            draw([run(line, x: PageGeometry.left, baseline: cursor + size, style, size)], as: .element(element))
            cursor += lineHeight
        }
        cursor += Typography.paragraphSpacing
    }
}
