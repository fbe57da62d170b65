import Fluent
import SQLKit

/// `registrations.notify_email`: an address a person waiting for a case
/// worker's decision may leave, used once for a mail that says a decision was
/// taken (never which), then erased.
/// `retired_cards`: after a card change, a keyed hash of the old card's
/// pseudonym and the day it was replaced, so that signing in with the old
/// card explains what happened instead of starting a new registration.
package struct AddRegistrationDecisionsAndRetiredCards: AsyncMigration {
    package var name: String { "0019_RegistrationDecisionsAndRetiredCards" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Registration.schema).field("notify_email", .string).update()
        try await database.schema(RetiredCard.schema)
            .id()
            .field("member_id", .uuid, .required)
            .field("card_digest", .string, .required)
            .field("retired_at", .datetime, .required)
            .create()
        try await database.requireSQL().create(index: "retired_cards_digest_idx").on(RetiredCard.schema).column("card_digest").run()
        try await database.requireSQL().create(index: "retired_cards_member_idx").on(RetiredCard.schema).column("member_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(RetiredCard.schema).delete()
        try await database.schema(Registration.schema).deleteField("notify_email").update()
    }
}
