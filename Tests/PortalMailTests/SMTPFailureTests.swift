import Foundation
import NIOCore
import NIOPosix
import Testing
import PortalMail

/// What the outbox needs to decide: retry later (`.transient`) or give up (`.permanent`).
struct SMTPFailureTests {
    @Test func temporaryFailureIsTransientAndTheRetryDelivers() async throws {
        let server = try await SMTPTestServer(.init(failFirst: 1))
        defer { server.stop() }
        let mailer = SMTPMailer(configuration: Fixtures.configuration(port: server.port))
        let message = try Fixtures.message()

        let error = await Fixtures.smtpError { try await mailer.send(message) }
        #expect(error?.disposition == .transient)
        #expect(error?.replyCode == 451)
        #expect(error?.stage == .message)
        #expect(try server.received().isEmpty)

        try await mailer.send(message)
        #expect(try server.received().map(\.message_id) == ["<notify-4711@portal.test>"])
    }

    @Test func permanentRejectionIsPermanent() async throws {
        let server = try await SMTPTestServer(.init(reject: true))
        defer { server.stop() }

        let error = await Fixtures.smtpError {
            try await SMTPMailer(configuration: Fixtures.configuration(port: server.port)).send(try Fixtures.message())
        }

        #expect(error?.disposition == .permanent)
        #expect(error?.replyCode == 550)
        #expect(try server.received().isEmpty)
    }

    @Test func refusedConnectionIsTransient() async throws {
        let port = try await Self.portNobodyListensOn()

        let error = await Fixtures.smtpError {
            try await SMTPMailer(configuration: Fixtures.configuration(port: port)).send(try Fixtures.message())
        }

        #expect(error?.disposition == .transient)
        #expect(error?.stage == .connect)
    }

    @Test func serverThatNeverAnswersTimesOutAsTransient() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        defer { listener.close(promise: nil) }
        var configuration = Fixtures.configuration(port: try #require(listener.localAddress?.port))
        configuration.timeouts.command = .milliseconds(300)
        let clock = ContinuousClock()
        let start = clock.now

        let error = await Fixtures.smtpError { try await SMTPMailer(configuration: configuration).send(try Fixtures.message()) }

        #expect(error?.disposition == .transient)
        #expect(error?.stage == .greeting)
        // Well below the 30 s default command timeout: the configured 300 ms ended it (generous for a loaded CI machine).
        #expect(clock.now - start < .seconds(20))
    }

    @Test func errorDescriptionsCarryNoAddresses() {
        let error = SMTPError(.permanent, stage: .recipient, replyCode: 550,
                              detail: "5.1.1 <mitglied@members.test>: Recipient address rejected")
        #expect(!error.description.contains("@"))
        #expect(error.description.contains("550"))
    }

    /// Binds a port and frees it again, so a connection to it is refused.
    private static func portNobodyListensOn() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }
}
