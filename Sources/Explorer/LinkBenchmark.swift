import Foundation
import Grounding
import Ontology

/// Linking throughput: mentions per second through `EntityLinker.link(_:limit: 5)`, against an exact
/// lower-cased dictionary lookup of the same mentions measured in the same run.
public struct LinkBenchmark: Sendable {
    public var mentions: Int
    public var linked: Int
    /// Seconds for all mentions on one thread.
    public var linkSeconds: Double
    /// Seconds for all mentions through `link(batch:threads:)`, and the thread count used.
    public var batchSeconds: Double
    public var threads: Int
    public var anchorSeconds: Double

    /// Mentions derived from the index itself (labels and synonyms, some re-cased, pluralised, re-ordered,
    /// or misspelt) so the mix exercises every match kind; `count` of them, deterministic.
    public static func mentions(from index: OntologyIndex, count: Int) -> [String] {
        var names: [String] = []
        for c in index.concepts where !c.isObsolete {
            names.append(c.label)
            for s in c.synonyms.prefix(2) { names.append(s.text) }
        }
        guard !names.isEmpty else { return [] }
        var rng = SplitMix64(seed: 42)
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let base = names[Int(rng.next() % UInt64(names.count))]
            switch i % 5 {
            case 0: out.append(base)
            case 1: out.append(base.uppercased())
            case 2: out.append(base + "s")
            case 3:
                let words = base.split(separator: " ")
                out.append(words.count > 1 ? words.reversed().joined(separator: ", ") : base)
            default:
                var chars = Array(base)
                if chars.count > 5 { chars.remove(at: chars.count / 2) }
                out.append(String(chars))
            }
        }
        return out
    }

    /// Times the anchor, one-thread linking, then batch linking on `threads` threads (skipped when 1).
    public static func run(linker: EntityLinker, mentions: [String], threads: Int = 1) -> LinkBenchmark {
        var dictionary: [String: Int] = [:]
        for (i, c) in linker.index.concepts.enumerated() { dictionary[c.label.lowercased()] = i }
        let a0 = DispatchTime.now().uptimeNanoseconds
        var hits = 0
        for m in mentions where dictionary[m.lowercased()] != nil { hits += 1 }
        let a1 = DispatchTime.now().uptimeNanoseconds
        var linked = 0
        for m in mentions where !linker.link(m, limit: 5).isEmpty { linked += 1 }
        let a2 = DispatchTime.now().uptimeNanoseconds
        var batchSeconds = Double(a2 - a1) / 1e9
        if threads > 1 {
            let results = linker.link(batch: mentions, limit: 5, threads: threads)
            batchSeconds = Double(DispatchTime.now().uptimeNanoseconds - a2) / 1e9
            precondition(results.filter { !$0.isEmpty }.count == linked, "batch linking disagrees with one-by-one")
        }
        _ = hits
        return LinkBenchmark(mentions: mentions.count, linked: linked, linkSeconds: Double(a2 - a1) / 1e9,
                             batchSeconds: batchSeconds, threads: threads, anchorSeconds: Double(a1 - a0) / 1e9)
    }

    public var report: String {
        func f(_ x: Double, _ d: Int = 0) -> String { BenchmarkStatistics.format(x, decimals: d) }
        let rate = Double(mentions) / max(linkSeconds, 1e-9)
        let anchor = Double(mentions) / max(anchorSeconds, 1e-9)
        let batch = Double(mentions) / max(batchSeconds, 1e-9)
        let threaded = threads > 1
            ? "\n  ddx link --batch, \(threads) threads \(f(batch)) mentions/s  (\(f(batchSeconds, 3)) s, \(f(batch / max(rate, 1e-9), 2))× one thread)"
            : ""
        return """
        linking: \(mentions) mentions, \(linked) linked (\(f(Double(linked) * 100 / Double(max(mentions, 1)), 1))%)
          ddx link (top 5)         \(f(rate)) mentions/s  (\(f(linkSeconds, 3)) s, one thread)\(threaded)
          anchor: exact dict lookup \(f(anchor)) mentions/s  → link is \(f(anchor / max(rate, 1e-9), 1))× slower
        """
    }
}
