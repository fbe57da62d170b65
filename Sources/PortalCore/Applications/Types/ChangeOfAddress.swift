import PortalDomain

/// Change of address: a German address (postcode of 5 digits) or a foreign one with its country.
package enum ChangeOfAddress {
    static let key = "application.changeOfAddress"
    static let abroad = FieldCondition.equals(field: "abroad", value: "yes")
    static let inGermany = FieldCondition.equals(field: "abroad", value: "no")

    package static let definition = FormDefinition(
        id: "changeOfAddress", version: 1, titleKey: "\(key).title",
        statuses: [.active, .pensioner, .survivor, .former],
        steps: [
            FormStep(id: "address", titleKey: "\(key).step.address", fields: [
                FormField(id: "abroad", kind: .yesNo, labelKey: "\(key).abroad", prefill: .address),
                FormField(id: "street", kind: .text, labelKey: "\(key).street", hintKey: "\(key).street.hint",
                          prefill: .address, limits: FieldLimits(maxLength: 100)),
                FormField(id: "addressSupplement", kind: .text, required: false, labelKey: "\(key).addressSupplement",
                          hintKey: "\(key).addressSupplement.hint", prefill: .address, limits: FieldLimits(maxLength: 100)),
                FormField(id: "postcode", kind: .text, labelKey: "\(key).postcode", hintKey: "\(key).postcode.hint",
                          condition: inGermany, prefill: .address, limits: FieldLimits(digits: 5)),
                FormField(id: "foreignPostcode", kind: .text, required: false, labelKey: "\(key).foreignPostcode",
                          condition: abroad, prefill: .address, limits: FieldLimits(maxLength: 20)),
                FormField(id: "city", kind: .text, labelKey: "\(key).city", prefill: .address, limits: FieldLimits(maxLength: 100)),
                FormField(id: "country", kind: .text, labelKey: "\(key).country", hintKey: "\(key).country.hint",
                          condition: abroad, prefill: .address, limits: FieldLimits(maxLength: 100)),
            ]),
            FormStep(id: "movedOn", titleKey: "\(key).step.movedOn", fields: [
                FormField(id: "movedOn", kind: .date, labelKey: "\(key).movedOn", hintKey: "\(key).movedOn.hint"),
            ], checks: [ApplicationChecks.backdatingWarning("movedOn")]),
        ])
}
