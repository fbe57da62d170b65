/// Errors from rendering or sealing a PDF. Messages are for the log, not for members.
public enum PDFError: Error, Equatable, CustomStringConvertible {
    case fontNotFound(String)
    case invalidFont(String)
    case invalidSealIdentity(String)
    case sealTooLarge(needed: Int, reserved: Int)

    public var description: String {
        switch self {
        case .fontNotFound(let path): "font file not found: \(path) (install fonts-dejavu-core or configure the font folder)"
        case .invalidFont(let reason): "invalid font: \(reason)"
        case .invalidSealIdentity(let reason): "invalid seal identity: \(reason)"
        case .sealTooLarge(let needed, let reserved): "seal needs \(needed) bytes but \(reserved) were reserved"
        }
    }
}
