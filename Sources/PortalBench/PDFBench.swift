import Foundation
import PortalApp
import PortalDomain
import PortalPDF
import Vapor
import PortalCore
import PortalWeb

/// `portal-bench pdf`: renders and seals the one-page sample certificate N
/// times inside a scratch portal (so the peak RSS is that of a whole
/// portal process), then the same certificate as HTML through WeasyPrint
/// (scripts/bench_weasyprint.py).
struct PDFBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", help: "documents to render (default 300)")
        var count: Int?
        @Option(name: "weasyprint-count", help: "documents for WeasyPrint (default 20)")
        var weasyprintCount: Int?
    }

    var help: String { "Renders the sealed sample certificate N times and compares with WeasyPrint." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let configuration = try BenchPortal.baseConfiguration()
        try await BenchPortal.run(from: configuration, members: 0, postgres: false, listen: false) { portal in
            try measure(portal.app, configuration: configuration, signature: signature, console: context.console)
        }
    }

    private func measure(_ app: Application, configuration: PortalConfiguration, signature: Signature, console: any Console) throws {
        let count = max(1, signature.count ?? 300)
        let now = SystemClock().now()
        let spec = SampleCertificate.spec(fund: configuration.fund, date: now)
        for _ in 0..<10 { _ = try app.portal.rendering.sealedPDF(spec, at: now) } // warm-up: fonts, seal key
        var samples: [Double] = []
        var size = 0
        let started = ContinuousClock.now
        for _ in 0..<count {
            let begin = ContinuousClock.now
            size = try app.portal.rendering.sealedPDF(spec, at: now).count
            samples.append((ContinuousClock.now - begin).milliseconds)
        }
        let total = (ContinuousClock.now - started).milliseconds
        samples.sort()
        let perDocument = total / Double(count)
        console.print("pdf: \(count) sealed one-page certificates, \(size) bytes each")
        console.print("pdf: mean \(format(perDocument)) ms/doc, p50 \(format(percentile(samples, 0.5))) ms, p99 \(format(percentile(samples, 0.99))) ms, peak RSS \(peakMemoryMB().map { format($0, 1) } ?? "?") MB (whole portal process)")
        let script = configuration.resourcesDirectory.appendingPathComponent("scripts/bench_weasyprint.py")
        let weasy = weasyprint(spec: spec, count: max(1, signature.weasyprintCount ?? 20), script: script, console: console)
        let ratio = weasy.map { format($0 / perDocument, 1) } ?? "n/a"
        console.print("targets: < 5 ms/doc, >= 50x faster than WeasyPrint, < 50 MB for rendering")
        console.print("pdf: \(format(perDocument)) ms/doc, weasyprint: \(weasy.map { format($0) } ?? "n/a") ms/doc, ratio: \(ratio)")
    }

    /// Runs the WeasyPrint side in Python; nil (with a reason) when it is not installed.
    private func weasyprint(spec: PDFDocumentSpec, count: Int, script: URL, console: any Console) -> Double? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("portal-bench-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try CertificateHTML.render(spec).write(to: file, atomically: true, encoding: .utf8) } catch { return nil }
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
