import Foundation
import Vapor

/// `portal bench pdf` and `portal bench jobs`: benchmarks that print their
/// figures against the issues' targets (never timed tests).
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Benchmarks: pdf (rendering vs WeasyPrint), jobs (queue), documents (archive page), certificates (request to available)." }
    var commands: [String: any AnyAsyncCommand] { ["pdf": PDFBench(), "jobs": JobsBench(), "documents": DocumentsBench(), "certificates": CertificatesBench()] }
}

/// Peak resident memory of this process so far (Linux VmHWM), in MB.
func peakMemoryMB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
    return kb / 1024
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
