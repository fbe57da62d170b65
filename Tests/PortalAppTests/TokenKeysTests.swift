import Testing
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Keys for stored token hashes")
struct TokenKeysTests {
    /// Expected values computed independently (Python's hmac and hashlib,
    /// RFC 5869 HKDF-SHA256 with the info strings in TokenKeys): a session
    /// hash can no longer be looked up as a transfer code or an e-mail token,
    /// and the raw PORTAL_SESSION_SECRET keys no hash at all.
    @Test
    func eachKindOfStoredTokenIsHashedWithItsOwnDerivedKey() {
        let keys = TokenKeys(secret: Array(0..<48))
        let token = "example-token"
        #expect(keys.sessions.hash(token) == "5ebb7b0f82b39e05e2c06b08b4fb00a3e4c2627b79c12f2ec3eac81b42389fa3")
        #expect(keys.transferCodes.hash(token) == "e909f13c40273df54ac8f7fe28d6b417ebbe506d2d3985b17b815de81d9f4e4d")
        #expect(keys.emailTokens.hash(token) == "30f70c800f72bb1a9e9b6c462424aa994731e16e3e3bc81d055719d9ff84c23e")
        let keyedWithTheSecretItself = "ea3ef4ebae5e534953efa5a5809088b4972f57f3601b409f2e7fb0c326ddcb92"
        #expect(![keys.sessions, keys.transferCodes, keys.emailTokens].contains { $0.hash(token) == keyedWithTheSecretItself })
    }
}
