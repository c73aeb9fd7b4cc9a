import Foundation
import Ontology

/// Times loading one ontology file into an index, against a bare streaming pass over the same file measured in
/// the same run (in process), and `xmllint --stream --noout` when it is installed.
public struct OntologyLoadBenchmark: Sendable {
    public var file: String
    public var bytes: Int
    public var concepts: Int
    public var loadSeconds: [Double]
    public var indexSeconds: [Double]
    public var baselineSeconds: [Double]
    public var xmllintSeconds: [Double]
    public var peakResidentMiB: Double?

    public static func run(file: String, iterations: Int) throws -> OntologyLoadBenchmark {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              let size = attributes[.size] as? Int else {
            throw InputError("\(file): no such file")
        }
        let loader = OntologyLoader()
        var result = OntologyLoadBenchmark(file: file, bytes: size, concepts: 0, loadSeconds: [], indexSeconds: [],
                                           baselineSeconds: [], xmllintSeconds: [], peakResidentMiB: nil)
        let isXML = (try? loader.load(file: file, format: nil)).map { $0.source.format != .obo } ?? true
        for _ in 0..<iterations {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let document: OntologyDocument
            do { document = try loader.load(file: file) } catch let e as OntologyError { throw InputError(e.description) }
            let t1 = DispatchTime.now().uptimeNanoseconds
            let index = OntologyIndex(documents: [document])
            let t2 = DispatchTime.now().uptimeNanoseconds
            result.concepts = index.concepts.count
            result.loadSeconds.append(Double(t1 - t0) / 1e9)
            result.indexSeconds.append(Double(t2 - t1) / 1e9)
            if isXML {
                let b0 = DispatchTime.now().uptimeNanoseconds
                _ = try? XMLBaselineScan.countElements(path: file)
                result.baselineSeconds.append(Double(DispatchTime.now().uptimeNanoseconds - b0) / 1e9)
                if let t = runXmllint(file) { result.xmllintSeconds.append(t) }
            }
        }
        result.peakResidentMiB = ProcessMemory.peakResidentMiB()
        return result
    }

    private static func runXmllint(_ file: String) -> Double? {
        let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--stream", "--noout", "--nonet", file]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let t0 = DispatchTime.now().uptimeNanoseconds
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    /// A readable report with medians, MB/s and ratios against the anchors.
    public var report: String {
        func median(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.sorted()[v.count / 2] }
        func f(_ x: Double, _ d: Int = 3) -> String { BenchmarkStatistics.format(x, decimals: d) }
        let mb = Double(bytes) / 1e6
        let load = median(loadSeconds), index = median(indexSeconds)
        var lines = ["ontology load: \(file) (\(f(mb, 1)) MB on disk, \(concepts) concepts), median of \(loadSeconds.count)"]
        lines.append("  ddx import      \(f(load)) s  \(f(mb / max(load, 1e-9), 1)) MB/s")
        lines.append("  ddx index       \(f(index)) s  (merge, hierarchy, term matcher)")
        lines.append("  ddx load+index  \(f(load + index)) s")
        if !baselineSeconds.isEmpty {
            let b = median(baselineSeconds)
            lines.append("  anchor: bare xmlTextReader pass (in process) \(f(b)) s  \(f(mb / max(b, 1e-9), 1)) MB/s  → import/anchor \(f(load / max(b, 1e-9), 2))×")
        }
        if !xmllintSeconds.isEmpty {
            let x = median(xmllintSeconds)
            lines.append("  anchor: xmllint --stream --noout \(f(x)) s  → import/xmllint \(f(load / max(x, 1e-9), 2))×, load+index/xmllint \(f((load + index) / max(x, 1e-9), 2))×")
        }
        if let peak = peakResidentMiB { lines.append("  peak RSS of the ddx process \(f(peak, 1)) MiB (measure a single load with --iterations 1)") }
        return lines.joined(separator: "\n")
    }
}
