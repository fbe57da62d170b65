import Foundation
import Vapor
import PortalCore
#if canImport(Glibc)
import Glibc
#endif

extension Request {
    /// The address of the client for rate limits and the audit trail: the TCP
    /// peer, unless the peer is a configured trusted proxy. Then the
    /// `X-Forwarded-For` chain is read from the right (each proxy appends the
    /// address it saw) and the first address that is not itself a trusted
    /// proxy is the client. Entries left of it came from the client and may be
    /// forged; a peer that is not trusted cannot make us read the header at all.
    package var clientAddress: String {
        guard let peer = remoteAddress?.ipAddress else { return "unknown" }
        let proxies = portal.configuration.trustedProxies
        func trusted(_ bytes: [UInt8]) -> Bool { proxies.contains { $0.contains(bytes) } }
        guard !proxies.isEmpty, let peerBytes = IPNetwork.parse(peer), trusted(peerBytes) else { return peer }
        let hops = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard let bytes = IPNetwork.parse(hop) else { break }
            client = hop
            if !trusted(bytes) { break }
        }
        return client
    }
}
