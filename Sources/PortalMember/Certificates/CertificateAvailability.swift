import Fluent
import Foundation
import PortalDomain
import PortalCore
import PortalWeb

/// Whether a certificate the member's status allows can be made from the
/// imported data; when not, the catalogue says why instead of offering it.
package enum CertificateAvailability {
    /// nil when available, otherwise the catalogue key that says why not.
    package static func unavailableKey(_ kind: CertificateKind, in scope: MemberScope) async throws -> String? {
        switch kind {
        // A Renteninformation states the core system's figures; without them there is nothing to state.
        case .entitlement: try await scope.entitlement() == nil ? "certificates.unavailable.entitlement" : nil
        case .contributions, .membership, .pensionPayments, .proofOfLife: nil
        }
    }
}
