/// How to reach and talk to the SMTP relay; read once from the portal's
/// configuration at start.
public struct SMTPConfiguration: Sendable {
    public enum Security: Sendable, Equatable {
        /// Plain TCP. Only for a relay on the same host; credentials are refused.
        case none
        /// Submission (port 587): TLS is required after EHLO. A server that does
        /// not offer STARTTLS is an error, never a silent downgrade, because an
        /// attacker in the path can strip the offer.
        case startTLS
        /// SMTPS (port 465, RFC 8314): TLS from the first byte.
        case implicitTLS
    }

    public enum TLSVerification: Sendable, Equatable {
        /// The system's trust roots and the host name.
        case full
        /// Only this CA (PEM) and the host name, e.g. an internal relay or a test.
        case trustedCertificateAuthorityPEM(String)
    }

    public enum AuthMechanism: Sendable, Equatable {
        /// PLAIN when offered, else LOGIN.
        case automatic, plain, login
    }

    public struct Credentials: Sendable, Equatable {
        public var username: String
        public var password: String
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public struct Timeouts: Sendable, Equatable {
        public var connect: Duration
        /// For each command's reply, including the TLS handshake and the greeting.
        public var command: Duration
        /// For the reply after the message's final `.`: the server may scan it first.
        public var messageAccepted: Duration
        public init(connect: Duration = .seconds(10), command: Duration = .seconds(30),
                    messageAccepted: Duration = .seconds(120)) {
            self.connect = connect
            self.command = command
            self.messageAccepted = messageAccepted
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var credentials: Credentials?
    public var authMechanism: AuthMechanism
    public var tlsVerification: TLSVerification
    public var timeouts: Timeouts
    /// Our name in EHLO/HELO; the portal's public host name in production.
    public var heloName: String

    /// `port` defaults to 25, 587 or 465 by `security`; a username without a
    /// password (or the other way round) means no authentication.
    public init(
        host: String, port: Int? = nil, security: Security = .startTLS,
        username: String? = nil, password: String? = nil,
        authMechanism: AuthMechanism = .automatic, tlsVerification: TLSVerification = .full,
        timeouts: Timeouts = Timeouts(), heloName: String = "localhost"
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        if let username, let password {
            self.credentials = Credentials(username: username, password: password)
        }
        self.authMechanism = authMechanism
        self.tlsVerification = tlsVerification
        self.timeouts = timeouts
        self.heloName = heloName
    }

    static func defaultPort(for security: Security) -> Int {
        switch security {
        case .none: 25
        case .startTLS: 587
        case .implicitTLS: 465
        }
    }
}
