/// Splits one CSV line into fields (RFC 4180 quoting: "a ""quoted"" field").
///
/// The import parses line by line on purpose: CSV.swift, the library at hand,
/// stops reading at the first malformed row, but the import must report every
/// bad line with its number and keep all the good ones. Records therefore may
/// not contain line breaks (no field of the core system's export does).
package enum CSVLine {
    package enum Problem: Error, Equatable { case unterminatedQuote, textAfterClosingQuote }

    package static func split(_ line: Substring, delimiter: Character) throws(Problem) -> [String] {
        var fields: [String] = []
        var field = ""
        var index = line.startIndex
        var quoted = false
        var afterQuote = false
        while index < line.endIndex {
            let char = line[index]
            if quoted {
                if char == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex && line[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(char)
                }
            } else if char == delimiter {
                fields.append(field)
                field = ""
                afterQuote = false
            } else if char == "\"" && field.isEmpty && !afterQuote {
                quoted = true
            } else if afterQuote {
                throw .textAfterClosingQuote
            } else {
                field.append(char)
            }
            index = line.index(after: index)
        }
        if quoted { throw .unterminatedQuote }
        fields.append(field)
        return fields
    }

    /// German spreadsheets export with semicolons; take whichever the header uses.
    package static func delimiter(ofHeader header: Substring) -> Character {
        header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ","
    }
}
