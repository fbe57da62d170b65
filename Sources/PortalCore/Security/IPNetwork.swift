import Foundation

/// An IPv4 or IPv6 block in CIDR notation (`10.0.0.0/8`, `fd00::/8`, or a
/// single address), as PORTAL_TRUSTED_PROXIES lists them.
public struct IPNetwork: Sendable, Equatable {
    package let bytes: [UInt8]
    package let prefix: Int

    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = Self.parse(String(parts[0])) else { return nil }
        var prefix = address.count * 8
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
                  let given = Int(parts[1]), given <= prefix else { return nil }
            prefix = given
        }
        self.bytes = address
        self.prefix = prefix
    }

    package func contains(_ address: [UInt8]) -> Bool {
        var address = address
        // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d.
        if address.count == 16, bytes.count == 4, address[0..<10].allSatisfy({ $0 == 0 }), address[10] == 0xFF, address[11] == 0xFF {
            address = Array(address[12...])
        }
        guard address.count == bytes.count else { return false }
        var remaining = prefix
        for index in bytes.indices where remaining > 0 {
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - min(8, remaining)))
            if address[index] & mask != bytes[index] & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// The 4 or 16 bytes of a textual address; nil for anything else (ports, names).
    package static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    /// PORTAL_TRUSTED_PROXIES: comma-separated blocks; a bad entry is reported, not skipped.
    package static func list(_ text: String?, variable: String, problems: inout [String]) -> [IPNetwork] {
        let entries = (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var networks: [IPNetwork] = []
        for entry in entries {
            guard let network = IPNetwork(entry) else {
                problems.append("\(variable) must list IPv4 or IPv6 addresses or CIDR blocks separated by commas "
                    + "(e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8); '\(entry)' is not one.")
                continue
            }
            networks.append(network)
        }
        return networks
    }
}
