import Foundation
import PortalDomain

/// Turns the lines of a JSON Lines or CSV file into named fields.
/// The format is recognised by the first non-empty line: `{` means JSON Lines.
package struct LineRecordReader {
    package struct LineProblem: Error {
        package let line: Int
        package let reason: String
    }

    private var lines: [Substring]
    private var index = 0
    private var header: [String]?
    private var delimiter: Character = ","
    private var isJSON = false
    private(set) var headerProblem: String?

    package init(text: String) {
        let text = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        // "\r\n" is one Character in Swift, so splitting on "\n" alone left a
        // Windows file as one single line (the header) and imported nothing.
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if let first = lines.first(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            isJSON = first.trimmingCharacters(in: .whitespaces).hasPrefix("{")
        }
    }

    /// The next non-empty line as fields, or the reason it cannot be read.
    package mutating func next() -> Result<(line: Int, fields: ImportFields), LineProblem>? {
        while index < lines.count {
            var line = lines[index]
            index += 1
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if isJSON { return parseJSON(line, number: index) }
            guard let header else {
                readHeader(line)
                continue
            }
            return parseCSV(line, number: index, header: header)
        }
        return nil
    }

    private mutating func readHeader(_ line: Substring) {
        delimiter = CSVLine.delimiter(ofHeader: line)
        do {
            header = try CSVLine.split(line, delimiter: delimiter).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        } catch {
            header = []
            headerProblem = "the header line is not valid CSV"
        }
    }

    private func parseCSV(_ line: Substring, number: Int, header: [String]) -> Result<(line: Int, fields: ImportFields), LineProblem> {
        do {
            let values = try CSVLine.split(line, delimiter: delimiter)
            guard values.count == header.count else {
                return .failure(LineProblem(line: number, reason: "has \(values.count) fields, the header has \(header.count)"))
            }
            return .success((number, ImportFields(Dictionary(zip(header, values), uniquingKeysWith: { first, _ in first }))))
        } catch {
            return .failure(LineProblem(line: number, reason: error == .unterminatedQuote ? "has a quote that is not closed" : "has text after a closing quote"))
        }
    }

    private func parseJSON(_ line: Substring, number: Int) -> Result<(line: Int, fields: ImportFields), LineProblem> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return .failure(LineProblem(line: number, reason: "is not a JSON object"))
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: fields[key] = text
            case let number as NSNumber: fields[key] = number.stringValue
            case is NSNull: continue
            default: return .failure(LineProblem(line: number, reason: "\(key): must be a string or a number"))
            }
        }
        return .success((number, ImportFields(fields)))
    }
}
