/// The first page's letterhead and DIN 5008 address window, and every page's footer.
extension LayoutEngine {
    mutating func startFirstPage(_ spec: PDFDocumentSpec) {
        newPage(top: 0)
        placeLetterhead(spec.letterhead)
        if let recipient = spec.recipientAddress {
            placeAddressWindow(spec.letterhead, recipient)
            cursor = PageGeometry.bodyTopWithAddress
        } else {
            cursor = PageGeometry.bodyTopWithoutAddress
        }
    }

    private mutating func placeLetterhead(_ letterhead: Letterhead) {
        let left = PageGeometry.left
        var baseline = PageGeometry.mm(18)
        let nameSize = 14.0
        let name = structure.add("P")
        for line in shaper.wrap(letterhead.name, .bold, nameSize, maxWidth: PageGeometry.textWidth) {
            draw([run(line, x: left, baseline: baseline, .bold, nameSize)], as: .element(name))
            baseline += nameSize * 1.2
        }
        let size = 9.0
        baseline += 1
        let address = letterhead.addressLines.isEmpty ? name : structure.add("P")
        for text in letterhead.addressLines {
            for line in shaper.wrap(text, .regular, size, maxWidth: PageGeometry.textWidth) {
                draw([run(line, x: left, baseline: baseline, .regular, size)], as: .element(address))
                baseline += size * 1.25
            }
        }
        let rule = baseline - size + PageGeometry.mm(2)
        draw([.line(x1: left, y1: rule, x2: PageGeometry.right, y2: rule, width: 0.5, gray: 0.55)], as: .artifact(.layout))
    }

    private mutating func placeAddressWindow(_ letterhead: Letterhead, _ recipient: [String]) {
        let left = PageGeometry.left
        let width = PageGeometry.mm(85) - (left - PageGeometry.addressFieldLeft) - PageGeometry.mm(5)
        // The return address stays inside the window: at most two lines, broken
        // between its " · " parts, shrunk a little only if that is not enough.
        var returnSize = Typography.returnAddressSize
        var returnLines = returnAddressLines(letterhead.returnAddress, returnSize, width)
        while returnLines.count > 2 && returnSize > 5 {
            returnSize -= 0.5
            returnLines = returnAddressLines(letterhead.returnAddress, returnSize, width)
        }
        var returnBaseline = PageGeometry.addressZoneTop - PageGeometry.mm(2) - Double(min(returnLines.count, 2) - 1) * returnSize * 1.2
        for line in returnLines.prefix(2) {
            draw([run(line, x: left, baseline: returnBaseline, .regular, returnSize)], as: .artifact(.layout))
            returnBaseline += returnSize * 1.2
        }

        let size = Typography.bodySize, lineHeight = PageGeometry.mm(4.23)
        let address = structure.add("P")
        var baseline = PageGeometry.addressZoneTop + size
        // The address zone holds six lines (27.3 mm); more would show outside the window.
        for text in recipient.prefix(6) {
            let line = shaper.wrap(text, .regular, size, maxWidth: width)[0]
            draw([run(line, x: left, baseline: baseline, .regular, size)], as: .element(address))
            baseline += lineHeight
        }
    }

    private func returnAddressLines(_ text: String, _ size: Double, _ width: Double) -> [ShapedLine] {
        var lines: [String] = []
        for part in text.components(separatedBy: " · ") {
            let joined = lines.isEmpty ? part : lines[lines.count - 1] + " · " + part
            let (glyphs, _) = shaper.shape(joined, .regular)
            if !lines.isEmpty && shaper.width(glyphs, .regular, size) <= width {
                lines[lines.count - 1] = joined
            } else {
                lines.append(part)
            }
        }
        return lines.flatMap { shaper.wrap($0, .regular, size, maxWidth: width) }
    }

    /// Footers need the page count, so they are added once everything is laid out.
    mutating func addPageFurniture(_ label: (Int, Int) -> String) {
        let count = pages.count
        for page in 0..<count {
            let text = label(page + 1, count)
            let line = shaper.wrap(text, .regular, Typography.footerSize, maxWidth: PageGeometry.textWidth)[0]
            let x = PageGeometry.left + (PageGeometry.textWidth - line.width) / 2
            let op = run(line, x: x, baseline: PageGeometry.footerBaseline, .regular, Typography.footerSize)
            pages[page].contents.append(MarkedContent(tag: .artifact(.footer), ops: [op]))
        }
        let marks = PageGeometry.marks.map { y in
            DrawOp.line(x1: PageGeometry.mm(5), y1: y, x2: PageGeometry.mm(5) + (y == PageGeometry.marks[1] ? 8 : 5), y2: y, width: 0.4, gray: 0.4)
        }
        pages[0].contents.append(MarkedContent(tag: .artifact(.layout), ops: marks))
    }
}
