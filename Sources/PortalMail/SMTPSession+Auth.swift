import Foundation

extension SMTPSession {
    /// AUTH PLAIN or LOGIN (RFC 4954, RFC 4616). The password is base64, not
    /// encrypted, so the client only gets here over TLS (`checkConfiguration`).
    func authenticate(_ credentials: SMTPConfiguration.Credentials, capabilities: SMTPCapabilities) async throws(SMTPError) {
        let offered = capabilities.authMechanisms
        let mechanism: String
        switch configuration.authMechanism {
        case .plain: mechanism = "PLAIN"
        case .login: mechanism = "LOGIN"
        case .automatic: mechanism = offered.contains("PLAIN") || !offered.contains("LOGIN") ? "PLAIN" : "LOGIN"
        }
        guard offered.contains(mechanism) else {
            throw SMTPError(.permanent, stage: .authentication,
                            detail: "server does not offer AUTH \(mechanism)")
        }
        if mechanism == "PLAIN" {
            let token = base64("\u{0}\(credentials.username)\u{0}\(credentials.password)")
            try await expect("AUTH PLAIN \(token)", stage: .authentication, codes: [235])
        } else {
            try await expect("AUTH LOGIN", stage: .authentication, codes: [334])
            try await expect(base64(credentials.username), stage: .authentication, codes: [334])
            try await expect(base64(credentials.password), stage: .authentication, codes: [235])
        }
    }

    private func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
