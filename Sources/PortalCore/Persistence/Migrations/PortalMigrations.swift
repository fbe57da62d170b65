import Fluent

package enum PortalMigrations {
    /// In order; a landed migration is never edited, only followed by a new one.
    package static var all: [any Migration] {
        [CreateMembers(), CreateAccountsAndSessions(), CreateAuditTrail(), CreateJobTables(), CreateRegistrations(), CreateInbox(), CreateDocuments(), CreateNotificationSettings(), CreateContactMessages(), AddLatestBookings(), GuardAuditTruncate(), CreateActionCounts(), AddJobSubject(), AddMembershipKind(), CreateImportRuns(), CreateEntitlements(), AddContributionPaymentDate(), AddEntitlementSummary(), AddRegistrationDecisionsAndRetiredCards(), AddSessionScope(), AddBlobStoredAt(), CreateApplications()]
    }
}
