import Crypto
import Foundation

/// One key per kind of stored token, derived from PORTAL_SESSION_SECRET with
/// HKDF-SHA256 (RFC 5869): a hash that leaks for one purpose (say, a transfer
/// code in a log) cannot be looked up as another (a session id), and no
/// purpose ever uses the secret itself.
package struct TokenKeys: Sendable {
    package let sessions: TokenHasher
    package let transferCodes: TokenHasher
    package let emailTokens: TokenHasher
    /// Pseudonyms of replaced cards (RetiredCard): recognisable, not readable.
    package let retiredCards: TokenHasher

    package init(secret: [UInt8]) {
        func derive(_ purpose: String) -> TokenHasher {
            TokenHasher(key: HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: secret),
                                                    info: Data("portal token hash: \(purpose)".utf8), outputByteCount: 32))
        }
        sessions = derive("session ids")
        transferCodes = derive("transfer codes")
        emailTokens = derive("e-mail tokens")
        retiredCards = derive("retired card pseudonyms")
    }
}

/// Random tokens for cookies and forms, and their keyed hashes for storage.
package struct TokenHasher: Sendable {
    package let key: SymmetricKey

    /// 256 random bits, base64url without padding (43 characters).
    package static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64URLEncoded
    }

    package func hash(_ token: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(token.utf8), using: key)
        // Lowercase hex by table: String(format:) per byte cost more than the HMAC.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in mac {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Tokens we issue have exactly this shape; anything else is not looked up.
    package static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }

    /// Constant-time comparison, so a forged CSRF token cannot be found byte by byte.
    package static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Data {
    package var base64URLEncoded: String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
