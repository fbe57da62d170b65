/// One complete server reply; a multi-line reply (`250-…` … `250 …`) is one value.
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }
}

/// What EHLO told us the server supports; only what we use.
struct SMTPCapabilities: Sendable, Equatable {
    var startTLS = false
    var authMechanisms: Set<String> = []

    /// The first line of an EHLO reply is the greeting; each further line is
    /// `KEYWORD params`. `AUTH=…` is the pre-RFC 4954 spelling some servers still send.
    init(ehloReply: SMTPReply) {
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" })
            guard let keyword = words.first else { continue }
            if keyword == "STARTTLS" { startTLS = true }
            if keyword == "AUTH" { authMechanisms.formUnion(words.dropFirst().map(String.init)) }
        }
    }

    init() {}
}
