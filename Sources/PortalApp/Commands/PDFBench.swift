import Foundation
import PortalPDF
import Vapor

/// Renders and seals the one-page sample certificate N times, then the same
/// certificate as HTML through WeasyPrint (scripts/bench_weasyprint.py).
struct PDFBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", help: "documents to render (default 300)")
        var count: Int?
        @Option(name: "weasyprint-count", help: "documents for WeasyPrint (default 20)")
        var weasyprintCount: Int?
    }

    var help: String { "Renders the sealed sample certificate N times and compares with WeasyPrint." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = max(1, signature.count ?? 300)
        let now = app.portal.clock.now()
        let spec = SampleCertificate.spec(fund: app.portal.configuration.fund, date: now)
        for _ in 0..<10 { _ = try app.documents.sealedPDF(spec, at: now) } // warm-up: fonts, seal key
        var samples: [Double] = []
        var size = 0
        let started = ContinuousClock.now
        for _ in 0..<count {
            let begin = ContinuousClock.now
            size = try app.documents.sealedPDF(spec, at: now).count
            samples.append((ContinuousClock.now - begin).milliseconds)
        }
        let total = (ContinuousClock.now - started).milliseconds
        samples.sort()
        let perDocument = total / Double(count)
        context.console.print("pdf: \(count) sealed one-page certificates, \(size) bytes each")
        context.console.print("pdf: mean \(format(perDocument)) ms/doc, p50 \(format(percentile(samples, 0.5))) ms, p99 \(format(percentile(samples, 0.99))) ms, peak RSS \(peakMemoryMB().map { format($0, 1) } ?? "?") MB (whole portal process)")
        let script = app.portal.configuration.resourcesDirectory.appendingPathComponent("scripts/bench_weasyprint.py")
        let weasy = weasyprint(spec: spec, count: max(1, signature.weasyprintCount ?? 20), script: script, console: context.console)
        let ratio = weasy.map { format($0 / perDocument, 1) } ?? "n/a"
        context.console.print("targets: < 5 ms/doc, >= 50x faster than WeasyPrint, < 50 MB for rendering")
        context.console.print("pdf: \(format(perDocument)) ms/doc, weasyprint: \(weasy.map { format($0) } ?? "n/a") ms/doc, ratio: \(ratio)")
    }

    /// Runs the WeasyPrint side in Python; nil (with a reason) when it is not installed.
    private func weasyprint(spec: PDFDocumentSpec, count: Int, script: URL, console: any Console) -> Double? {
        let html = CertificateHTML.render(spec)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("portal-bench-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try html.write(to: file, atomically: true, encoding: .utf8) } catch { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path, String(count)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch {
            console.print("weasyprint: cannot start python3 (\(error))")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let value = Double(text.split(separator: "\n").last ?? "") else {
            console.print("weasyprint: not measured: \(text.split(separator: "\n").last ?? "") (install with: pip install weasyprint)")
            return nil
        }
        return value
    }
}

extension Duration {
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}

/// The same certificate as HTML for WeasyPrint: same texts, table and fonts.
enum CertificateHTML {
    static func render(_ spec: PDFDocumentSpec) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var body = "<header><strong>\(escape(spec.letterhead.name))</strong><br>\(spec.letterhead.addressLines.map(escape).joined(separator: "<br>"))</header>"
        body += "<address>\((spec.recipientAddress ?? []).map(escape).joined(separator: "<br>"))</address>"
        for block in spec.blocks {
            switch block {
            case .heading(let text, let level): body += "<h\(level)>\(escape(text))</h\(level)>"
            case .paragraph(let text, let bold): body += bold ? "<p><strong>\(escape(text))</strong></p>" : "<p>\(escape(text))</p>"
            case .keyValues(let pairs): body += "<dl>" + pairs.map { "<dt>\(escape($0.key))</dt><dd>\(escape($0.value))</dd>" }.joined() + "</dl>"
            case .table(let table):
                body += "<table><thead><tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                body += table.rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined()
                body += "</tbody>" + (table.footer.map { "<tfoot><tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr></tfoot>" } ?? "") + "</table>"
            case .spacer, .pageBreak: continue
            }
        }
        return """
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>\(escape(spec.title))</title><style>
            @page { size: A4; margin: 20mm 20mm 25mm 25mm; @bottom-center { content: "Seite " counter(page) " von " counter(pages); } }
            body { font-family: "DejaVu Sans"; font-size: 10pt; } address { margin: 15mm 0 10mm; font-style: normal; }
            table { width: 100%; border-collapse: collapse; } th, td { border-bottom: 0.5pt solid #999; padding: 2pt; }
            td:last-child, th:last-child { text-align: right; } tfoot td { font-weight: bold; }
            </style></head><body>\(body)</body></html>
            """
    }
}
