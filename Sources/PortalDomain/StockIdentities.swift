/// The development simulator's stock identities, modelled on the public
/// test cards. Never offered in production (the simulator refuses to start there).
public enum StockIdentities {
    public static let erika = EIDIdentity(
        pseudonym: "stock-erika-mustermann",
        familyNames: "MUSTERMANN", givenNames: "ERIKA", birthName: "GABLER",
        dateOfBirth: PartialDate(year: 1964, month: 8, day: 12))

    public static let agca = EIDIdentity(
        pseudonym: "stock-agca-ozmen",
        familyNames: "ÖZM̂EN", givenNames: "AĞÇA",
        dateOfBirth: PartialDate(year: 1989), documentType: "AR", issuingState: "D")

    public static let lysky = EIDIdentity(
        pseudonym: "stock-graf-lysky",
        familyNames: "GRAF V. LÝSKY", givenNames: "HANS-GÜNTHER", academicTitle: "DR.HC.",
        dateOfBirth: PartialDate(year: 1946, month: 3, day: 1))

    public static let unknown = EIDIdentity(
        pseudonym: "stock-max-beispiel",
        familyNames: "BEISPIEL", givenNames: "MAX",
        dateOfBirth: PartialDate(year: 1980, month: 1, day: 1))

    /// Keyed by a short id for the simulator's buttons.
    public static let all: [(id: String, identity: EIDIdentity)] = [
        ("erika", erika), ("agca", agca), ("lysky", lysky), ("unknown", unknown),
    ]
}
