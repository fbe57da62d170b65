import Vapor
import PortalCore
import PortalWeb
import PortalMember
import PortalBackOffice

/// Runs the public HTTP server and the back-office listener as one `Server`,
/// so `portal serve` starts and stops both together.
final class PortalServer: Server, @unchecked Sendable {
    // @unchecked: both servers are started and stopped from the one serve command.
    let main: any Server
    let backOffice: Application
    let backOfficeAddress: BindAddress
    /// Taken when the listener starts: at shutdown the back-office application
    /// may already be shut down (ShutdownWith runs first), and asking it for
    /// its server then traps.
    private let backOfficeServer: any Server

    init(main: any Server, backOffice: Application, address: BindAddress) {
        self.main = main
        self.backOffice = backOffice
        self.backOfficeAddress = address
        self.backOfficeServer = backOffice.server
    }

    var onShutdown: EventLoopFuture<Void> { main.onShutdown }

    func start(address: BindAddress?) throws {
        try ListenerStartError.naming(.member, address ?? mainAddress) { try main.start(address: address) }
        do {
            try ListenerStartError.naming(.backOffice, backOfficeAddress) { try backOfficeServer.start(address: backOfficeAddress) }
        } catch {
            main.shutdown()
            throw error
        }
        backOffice.logger.notice("Back office listening on \(backOfficeAddress)")
    }

    func start(address: BindAddress?) async throws {
        try await ListenerStartError.naming(.member, address ?? mainAddress) { try await main.start(address: address) }
        do {
            try await ListenerStartError.naming(.backOffice, backOfficeAddress) { try await backOfficeServer.start(address: backOfficeAddress) }
        } catch {
            await main.shutdown()
            throw error
        }
        print("Back office listening on \(backOfficeAddress)")
    }

    /// The member listener's configured address, for the message when it cannot bind.
    private var mainAddress: BindAddress {
        guard let configuration = (main as? HTTPServer)?.configuration else { return .hostname(nil, port: nil) }
        return configuration.address
    }

    func shutdown() {
        backOfficeServer.shutdown()
        main.shutdown()
    }

    func shutdown() async {
        await backOfficeServer.shutdown()
        await main.shutdown()
    }
}

/// A listener that could not start, usually because its port is taken:
/// the operator learns which of the two listeners and which address, in one
/// line and without a stack trace (the entrypoint prints the description).
struct ListenerStartError: Error, CustomStringConvertible {
    enum Listener: String { case member = "member", backOffice = "back office" }
    let listener: Listener
    let address: BindAddress
    let reason: String

    var description: String {
        "Cannot start the \(listener.rawValue) listener on \(address) (port \(port)): \(reason)"
    }

    private var port: String {
        if case .hostname(_, let port) = address, let port { return "\(port)" }
        return "-"
    }

    static func naming(_ listener: Listener, _ address: BindAddress, _ start: () throws -> Void) throws {
        do { try start() } catch { throw ListenerStartError(listener: listener, address: address, reason: Self.reason(error)) }
    }

    static func naming(_ listener: Listener, _ address: BindAddress, _ start: () async throws -> Void) async throws {
        do { try await start() } catch { throw ListenerStartError(listener: listener, address: address, reason: Self.reason(error)) }
    }

    private static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.localizedCaseInsensitiveContains("address already in use") ? "the port is already in use" : text
    }
}

extension BindAddress: @retroactive CustomStringConvertible {
    public var description: String {
        switch self {
        case .hostname(let host, let port): "http://\(host ?? "127.0.0.1"):\(port ?? 0)"
        case .unixDomainSocket(let path): "unix:\(path)"
        }
    }
}
