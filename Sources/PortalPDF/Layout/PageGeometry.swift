/// A4 portrait with DIN 5008 form B positions, in points.
enum PageGeometry {
    static func mm(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }

    static let width = mm(210)
    static let height = mm(297)
    /// DIN 5008: text starts 25 mm from the left edge, ends at least 20 mm from the right.
    static let left = mm(25)
    static let right = width - mm(20)
    static var textWidth: Double { right - left }
    static let continuationTop = mm(20)
    static let bottomLimit = height - mm(25)
    static let footerBaseline = height - mm(12)

    /// Form B: the address field is 45 mm from the top and 20 mm from the left,
    /// 85 x 45 mm; its first 17.7 mm are the return-address zone.
    static let addressFieldTop = mm(45)
    static let addressFieldLeft = mm(20)
    static let addressZoneTop = addressFieldTop + mm(17.7)
    /// Form B: the subject line starts at 98.46 mm, below the address field.
    static let bodyTopWithAddress = mm(98.46)
    static let bodyTopWithoutAddress = mm(50)
    /// Fold marks at 105 mm and 210 mm (form B) and the punch mark at 148.5 mm.
    static let marks = [mm(105), mm(148.5), mm(210)]
}

/// Type sizes and spacing in points.
enum Typography {
    static let bodySize = 10.0
    static let lineFactor = 1.35
    static let paragraphSpacing = 6.0
    static let tableSize = 9.0
    static let cellPadding = 3.0
    static let footerSize = 8.0
    static let returnAddressSize = 7.0

    static func headingSize(level: Int) -> Double {
        switch level {
        case ...1: 14
        case 2: 12
        default: 10.5
        }
    }
}
