import ConsoleKit
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// Text that members or import files supplied reaches an operator's terminal
/// through this one function: an ESC sequence could recolour, move the cursor,
/// retitle the window or (on some terminals) answer back with input, and a NUL
/// or CR hides what follows. Controls become visible escapes instead.
enum TerminalText {
    static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if keepingLineBreaks, scalar == "\n" || scalar == "\t" {
                out.unicodeScalars.append(scalar)
            } else if isControl(scalar) {
                out += scalar.value < 0x100 ? "\\x" + hex(scalar.value, width: 2) : "\\u{" + hex(scalar.value, width: 4) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0, DEL, C1, and the invisible characters that reorder or break lines
    /// (bidi overrides, U+2028/2029), which can make a line read as another.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Console {
    /// Every command prints through this, so no stored text reaches the terminal raw.
    func line(_ text: String, keepingLineBreaks: Bool = false) {
        print(TerminalText.escape(text, keepingLineBreaks: keepingLineBreaks))
    }
}
