import Foundation
import Testing
import PortalMail

/// TLS and authentication against aiosmtpd with a certificate made for this run.
struct SMTPSecurityTests {
    @Test(arguments: [SMTPConfiguration.AuthMechanism.plain, .login])
    func startTLSThenAuthDelivers(mechanism: SMTPConfiguration.AuthMechanism) async throws {
        let certificate = try TestCertificate()
        let server = try await SMTPTestServer(.init(starttls: certificate, auth: ("portal", "geheim-ß")))
        defer { server.stop() }
        let configuration = Fixtures.configuration(
            port: server.port, host: "localhost", security: .startTLS,
            username: "portal", password: "geheim-ß", authMechanism: mechanism, trusting: certificate)

        try await SMTPMailer(configuration: configuration).send(try Fixtures.message())

        let mail = try #require(try server.received().first)
        #expect(mail.tls == true)
        #expect(mail.authenticated == true)
        #expect(mail.subject == "Neue Nachricht im Portal")
    }

    @Test func implicitTLSWithAuthDeliversAndChecksTheIPAddress() async throws {
        let certificate = try TestCertificate()
        let server = try await SMTPTestServer(.init(implicitTLS: certificate, auth: ("portal", "geheim")))
        defer { server.stop() }
        let configuration = Fixtures.configuration(
            port: server.port, host: "127.0.0.1", security: .implicitTLS,
            username: "portal", password: "geheim", trusting: certificate)

        try await SMTPMailer(configuration: configuration).send(try Fixtures.message())

        let mail = try #require(try server.received().first)
        #expect(mail.tls == true)
        #expect(mail.authenticated == true)
    }

    @Test func wrongPasswordIsPermanent() async throws {
        let certificate = try TestCertificate()
        let server = try await SMTPTestServer(.init(starttls: certificate, auth: ("portal", "geheim")))
        defer { server.stop() }
        let configuration = Fixtures.configuration(
            port: server.port, host: "localhost", security: .startTLS,
            username: "portal", password: "falsch", trusting: certificate)

        let error = await Fixtures.smtpError { try await SMTPMailer(configuration: configuration).send(try Fixtures.message()) }

        #expect(error?.disposition == .permanent, "\(String(describing: error))")
        #expect(error?.stage == .authentication)
        #expect(error?.replyCode == 535)
        #expect(try server.received().isEmpty)
    }

    @Test func untrustedCertificateStopsBeforeAnyMailIsSent() async throws {
        let certificate = try TestCertificate()
        let server = try await SMTPTestServer(.init(starttls: certificate, auth: ("portal", "geheim")))
        defer { server.stop() }
        let configuration = Fixtures.configuration(
            port: server.port, host: "localhost", security: .startTLS,
            username: "portal", password: "geheim", trusting: try TestCertificate())

        let error = await Fixtures.smtpError { try await SMTPMailer(configuration: configuration).send(try Fixtures.message()) }

        #expect(error?.disposition == .transient)
        #expect(error?.stage == .hello, "the handshake fails under the EHLO after STARTTLS")
        #expect(try server.received().isEmpty)
    }

    @Test func requiredStartTLSThatTheServerDoesNotOfferIsAnError() async throws {
        let server = try await SMTPTestServer()
        defer { server.stop() }
        let configuration = Fixtures.configuration(port: server.port, security: .startTLS, trusting: try TestCertificate())

        let error = await Fixtures.smtpError { try await SMTPMailer(configuration: configuration).send(try Fixtures.message()) }

        #expect(error?.disposition == .permanent)
        #expect(error?.stage == .startTLS)
        #expect(try server.received().isEmpty)
    }

    @Test func credentialsAreNeverSentWithoutTLS() async throws {
        let configuration = Fixtures.configuration(port: 25, security: .none, username: "portal", password: "geheim")

        let error = await Fixtures.smtpError { try await SMTPMailer(configuration: configuration).send(try Fixtures.message()) }

        #expect(error?.disposition == .permanent)
        #expect(error?.stage == .configuration)
    }
}
