/// Writes the structure tree: one StructElem per element, marked-content
/// references into the pages, and the ParentTree that maps each page's
/// MCIDs (and the seal widget) back to their elements.
struct StructureWriter {
    let structure: StructureTree

    /// - Returns: the StructTreeRoot's object number.
    func write(into writer: inout ObjectWriter, root: Int, pages: [Int], widget: (object: Int, page: Int)?) -> Int {
        let numbers = structure.elements.map { _ in writer.reserve() }
        var parentTree: [[Int]] = Array(repeating: [], count: pages.count)
        var widgetParent: Int?
        for (index, element) in structure.elements.enumerated() {
            var kids: [String] = []
            var firstPage: Int?
            for kid in element.kids {
                switch kid {
                case .element(let child):
                    kids.append("\(numbers[child]) 0 R")
                case .content(let page, let mcid):
                    firstPage = firstPage ?? page
                    kids.append("<</Type /MCR /Pg \(pages[page]) 0 R /MCID \(mcid)>>")
                    while parentTree[page].count <= mcid { parentTree[page].append(0) }
                    parentTree[page][mcid] = numbers[index]
                case .sealWidget:
                    guard let widget else { continue }
                    kids.append("<</Type /OBJR /Obj \(widget.object) 0 R /Pg \(pages[widget.page]) 0 R>>")
                    widgetParent = numbers[index]
                }
            }
            let parent = element.parent.map { numbers[$0] } ?? root
            var body = "<</Type /StructElem /S /\(element.role) /P \(parent) 0 R"
            if let firstPage { body += " /Pg \(pages[firstPage]) 0 R" }
            if let attributes = element.attributes { body += " " + attributes }
            body += " /K [\(kids.joined(separator: " "))]>>"
            writer.set(numbers[index], body)
        }
        var nums: [String] = parentTree.enumerated().map { page, elements in
            "\(page) [\(elements.map { "\($0) 0 R" }.joined(separator: " "))]"
        }
        if let widgetParent { nums.append("\(pages.count) \(widgetParent) 0 R") }
        let nextKey = pages.count + (widgetParent == nil ? 0 : 1)
        writer.set(root, "<</Type /StructTreeRoot /K [\(numbers[0]) 0 R] /ParentTree <</Nums [\(nums.joined(separator: " "))]>> /ParentTreeNextKey \(nextKey)>>")
        return root
    }
}
