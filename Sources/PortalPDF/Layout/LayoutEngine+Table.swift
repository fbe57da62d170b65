/// Tables (header repeated on every continuation page) and key/value lists.
extension LayoutEngine {
    private struct Row {
        var cells: [[ShapedLine]]
        var height: Double
    }

    private func shapeRow(_ texts: [String], _ style: FontStyle, _ widths: [Double]) -> Row {
        let size = Typography.tableSize, padding = Typography.cellPadding
        var cells: [[ShapedLine]] = []
        for (column, width) in widths.enumerated() {
            let text = column < texts.count ? texts[column] : ""
            cells.append(shaper.wrap(text, style, size, maxWidth: width - 2 * padding))
        }
        let lines = cells.map(\.count).max() ?? 1
        return Row(cells: cells, height: Double(lines) * size * 1.3 + 2 * padding)
    }

    /// Draws one row at the cursor. Each cell is its own structure element, or all
    /// of it is an artifact (a repeated header) when `cellRole` is nil.
    private mutating func drawRow(
        _ row: Row, _ style: FontStyle, _ widths: [Double], _ alignments: [Table.Alignment],
        cellRole: String?, under rowElement: Int?, background: Double?
    ) {
        let size = Typography.tableSize, padding = Typography.cellPadding
        if let gray = background {
            draw([.fill(x: PageGeometry.left, y: cursor, width: PageGeometry.textWidth, height: row.height, gray: gray)], as: .artifact(.layout))
        }
        var x = PageGeometry.left
        for (column, lines) in row.cells.enumerated() {
            var ops: [DrawOp] = []
            var baseline = cursor + padding + size
            for line in lines {
                let trailing = column < alignments.count && alignments[column] == .trailing
                let lineX = trailing ? x + widths[column] - padding - line.width : x + padding
                ops.append(run(line, x: lineX, baseline: baseline, style, size))
                baseline += size * 1.3
            }
            if let role = cellRole, let rowElement {
                let attributes = role == "TH" ? "/A <</O /Table /Scope /Column>>" : nil
                let cell = structure.add(role, under: rowElement, attributes: attributes)
                if !ops.isEmpty && !(lines.count == 1 && lines[0].glyphs.isEmpty) { draw(ops, as: .element(cell)) }
            } else {
                draw(ops, as: .artifact(.pagination))
            }
            x += widths[column]
        }
        cursor += row.height
        let rule = cursor
        draw([.line(x1: PageGeometry.left, y1: rule, x2: PageGeometry.right, y2: rule, width: 0.4, gray: 0.6)], as: .artifact(.layout))
    }

    mutating func placeTable(_ table: Table) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0, 1)
        let weights = (table.columnWidths?.count == columns ? table.columnWidths! : Array(repeating: 1, count: columns)).map { max($0, 0.0001) }
        let total = weights.reduce(0, +)
        let widths = weights.map { $0 / total * PageGeometry.textWidth }
        let alignments = table.alignments ?? []
        let header = shapeRow(table.header, .bold, widths)
        let rows = table.rows.map { shapeRow($0, .regular, widths) }
        let headerGray = 0.92

        if !atTopOfPage { cursor += 4 }
        ensureSpace(header.height + (rows.first?.height ?? 0))
        let tableElement = structure.add("Table")
        let head = structure.add("THead", under: tableElement)
        drawRow(header, .bold, widths, alignments, cellRole: "TH", under: structure.add("TR", under: head), background: headerGray)

        let body = structure.add("TBody", under: tableElement)
        for row in rows {
            if ensureSpace(row.height) {
                drawRow(header, .bold, widths, alignments, cellRole: nil, under: nil, background: headerGray)
            }
            drawRow(row, .regular, widths, alignments, cellRole: "TD", under: structure.add("TR", under: body), background: nil)
        }
        if let footer = table.footer {
            let row = shapeRow(footer, .bold, widths)
            if ensureSpace(row.height) {
                drawRow(header, .bold, widths, alignments, cellRole: nil, under: nil, background: headerGray)
            }
            let foot = structure.add("TFoot", under: tableElement)
            drawRow(row, .bold, widths, alignments, cellRole: "TD", under: structure.add("TR", under: foot), background: nil)
        }
        cursor += Typography.paragraphSpacing + 4
    }

    mutating func placeKeyValues(_ pairs: [KeyValue]) {
        let size = Typography.bodySize, lineHeight = size * Typography.lineFactor
        let keyWidth = PageGeometry.textWidth * 0.38, gap = 8.0
        let list = structure.add("L")
        for pair in pairs {
            let keyLines = shaper.wrap(pair.key, .regular, size, maxWidth: keyWidth - gap)
            let valueLines = shaper.wrap(pair.value, .bold, size, maxWidth: PageGeometry.textWidth - keyWidth)
            ensureSpace(Double(max(keyLines.count, valueLines.count)) * lineHeight)
            let item = structure.add("LI", under: list)
            let label = structure.add("Lbl", under: item), body = structure.add("LBody", under: item)
            draw(keyLines.enumerated().map { run($1, x: PageGeometry.left, baseline: cursor + size + Double($0) * lineHeight, .regular, size) }, as: .element(label))
            draw(valueLines.enumerated().map { run($1, x: PageGeometry.left + keyWidth, baseline: cursor + size + Double($0) * lineHeight, .bold, size) }, as: .element(body))
            cursor += Double(max(keyLines.count, valueLines.count)) * lineHeight
        }
        cursor += Typography.paragraphSpacing
    }
}
