/// The catalogue keys of the messages the field validators give, so a test
/// can check that both catalogues have every one.
public enum FormMessageKeys {
    public static let all: [String] = [
        "form.error.required",
        "form.error.text.tooLong", "form.error.text.characters", "form.error.digits",
        "form.error.date.format", "form.error.date.impossible", "form.error.date.tooEarly", "form.error.date.tooLate",
        "form.error.money.format", "form.error.money.negative", "form.error.money.decimals", "form.error.money.range",
        "form.error.number.format", "form.error.number.range",
        "form.error.choice", "form.error.yesNo",
        "form.error.iban.format", "form.error.iban.country", "form.error.iban.length", "form.error.iban.checksum",
        "form.error.taxID.format", "form.error.taxID.checksum",
        "form.error.email.format", "form.error.email.tooLong",
        "form.error.file",
        "form.value.yes", "form.value.no",
    ]
}
