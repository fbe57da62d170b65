import Foundation

extension FundProfile {
    package static func fromEnvironment(_ env: [String: String], problems: inout [String]) -> FundProfile {
        func text(fromFile variable: String, default value: String) -> String {
            guard let path = env[variable], !path.isEmpty else { return value }
            guard let content = try? String(contentsOfFile: path, encoding: .utf8) else {
                problems.append("\(variable) names a file that cannot be read: \(path)")
                return value
            }
            return content
        }
        var reader = EnvironmentReader(env: env)
        defer { problems += reader.problems }
        let name = reader.text("PORTAL_FUND_NAME", default: "Versorgungswerk Musterland")
        let address = reader.text("PORTAL_FUND_ADDRESS", default: "Beispielallee 1|40210 Musterstadt")
            .split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        let email = reader.mailAddress("PORTAL_FUND_EMAIL", default: "portal@versorgungswerk.example")
        let phone = reader.text("PORTAL_FUND_PHONE", default: "0211 000000-0")
        return FundProfile(
            name: name,
            addressLines: address,
            email: email,
            phone: phone,
            privacyText: text(fromFile: "PORTAL_PRIVACY_FILE", default: Self.defaultPrivacyText(name: name, email: email)),
            imprintText: text(fromFile: "PORTAL_IMPRINT_FILE", default: Self.defaultImprintText(name: name, address: address, email: email, phone: phone)),
            hostingNote: env["PORTAL_FUND_HOSTING_NOTE"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 },
            creditorID: creditorID(reader.optionalText("PORTAL_SEPA_CREDITOR_ID"), problems: &problems)
        )
    }

    /// A mandate with a wrong creditor identifier binds nobody, and the bank
    /// refuses the debits weeks later: checked at start. EPC262-08: country,
    /// two check digits, a three-character business code that the check
    /// leaves out, the national identifier; ISO 7064 mod 97-10 over national
    /// identifier + country + check digits (letters as 10 … 35) gives 1.
    /// Spaces are tolerated and dropped; letters are upper-cased.
    package static func creditorID(_ raw: String?, problems: inout [String]) -> String? {
        guard let raw else { return nil }
        let id = raw.replacingOccurrences(of: " ", with: "").uppercased()
        let characters = Array(id)
        let shape = characters.count >= 8 && characters.count <= 35
            && characters[0..<2].allSatisfy { $0.isASCII && $0.isLetter }
            && characters[2..<4].allSatisfy { $0.isASCII && $0.isNumber }
            && characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard shape, mod97(characters[7...] + characters[0..<4]) == 1 else {
            problems.append("PORTAL_SEPA_CREDITOR_ID '\(raw)' is not a SEPA creditor identifier: it must be the country code, two check digits, a three-character business code and the national identifier, e.g. DE98ZZZ09999999999, and its check digits must be right (ISO 7064 mod 97-10).")
            return nil
        }
        return id
    }

    private static func mod97(_ characters: some Collection<Character>) -> Int {
        characters.reduce(0) { remainder, character in
            let value = character.isNumber ? Int(String(character)) ?? 0 : Int(character.asciiValue ?? 0) - 55
            return (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
    }

    package static func defaultPrivacyText(name: String, email: String) -> String {
        """
        Verantwortlich für die Verarbeitung Ihrer Daten im Mitgliederportal: \(name).

        Wir verarbeiten im Portal nur die Daten, die wir für Ihre Mitgliedschaft brauchen: die Angaben aus Ihrem Online-Ausweis (Name, Vornamen, Geburtsname, Doktorgrad, Geburtsdatum und ein dienste- und kartenspezifisches Kennzeichen), Ihre Mitgliedsnummer, Ihre Daten aus unserem Bestand, Ihre Anträge und die Dokumente, die wir Ihnen bereitstellen. Rechtsgrundlage ist Art. 6 Abs. 1 lit. c und e DSGVO in Verbindung mit unserer Satzung.

        Die Nutzung des Portals ist freiwillig. Sie können sie jederzeit schriftlich beenden; dann sperren wir den Zugang und löschen alle Daten im Portal. Ihre Mitgliedsakte bleibt nach den gesetzlichen Fristen erhalten.

        Dokumente bleiben nur für eine begrenzte Zeit im Portal abrufbar und werden danach aus dem Portal gelöscht; Sie können sie jederzeit erneut anfordern. E-Mail-Benachrichtigungen enthalten keine persönlichen Daten.

        Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch sowie auf Beschwerde bei einer Datenschutzaufsichtsbehörde. Fragen richten Sie bitte an \(email).
        """
    }

    package static func defaultImprintText(name: String, address: [String], email: String, phone: String) -> String {
        ([name] + address + ["Telefon: \(phone)", "E-Mail: \(email)",
          "Körperschaft des öffentlichen Rechts. Die vertretungsberechtigten Personen und die Aufsichtsbehörde trägt der Betreiber in seiner Konfiguration ein."])
            .joined(separator: "\n")
    }
}
