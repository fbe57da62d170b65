/// The layout engine's output: pages of positioned glyph runs and rules,
/// grouped into marked content that points into the structure tree.
/// Coordinates are points, y measured from the top edge of the page.

struct GlyphRun {
    var x: Double
    var baseline: Double
    var style: FontStyle
    var size: Double
    var glyphs: [UInt16]
    /// The characters behind `glyphs`, one scalar per glyph, for the ToUnicode map.
    var scalars: [Unicode.Scalar]
}

enum DrawOp {
    case text(GlyphRun)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
    case fill(x: Double, y: Double, width: Double, height: Double, gray: Double)
}

/// What a stretch of page content is, for assistive technology.
enum ContentTag: Equatable {
    /// Real content belonging to a structure element (by index into `StructureTree.elements`).
    case element(Int)
    /// Page furniture that a screen reader skips: footers, rules, repeated table headers.
    case artifact(ArtifactKind)
}

enum ArtifactKind: Equatable {
    case layout, pagination, footer

    var properties: String {
        switch self {
        case .layout: "<</Type /Layout>>"
        case .pagination: "<</Type /Pagination>>"
        case .footer: "<</Type /Pagination /Subtype /Footer>>"
        }
    }
}

struct MarkedContent {
    var tag: ContentTag
    var ops: [DrawOp]
}

struct LaidOutPage {
    var contents: [MarkedContent] = []
    /// Marked-content ids are numbered per page, in content order.
    var nextMCID = 0
}

/// The logical structure: a tree of standard PDF structure types (H1, P, Table, TR, TD ...).
struct StructureTree {
    enum Kid: Equatable {
        case element(Int)
        /// Marked content on a page; `mcid` is the index among that page's tagged contents.
        case content(page: Int, mcid: Int)
        /// The seal's widget annotation (an object reference, OBJR).
        case sealWidget
    }

    struct Element {
        var role: String
        var parent: Int?
        var kids: [Kid] = []
        /// Extra entries for the element dictionary, e.g. table header scope.
        var attributes: String?
    }

    /// Element 0 is the root /Document.
    private(set) var elements: [Element] = [Element(role: "Document", parent: nil)]

    mutating func add(_ role: String, under parent: Int = 0, attributes: String? = nil) -> Int {
        elements.append(Element(role: role, parent: parent, attributes: attributes))
        let index = elements.count - 1
        elements[parent].kids.append(.element(index))
        return index
    }

    mutating func attach(_ kid: Kid, to element: Int) {
        elements[element].kids.append(kid)
    }
}
