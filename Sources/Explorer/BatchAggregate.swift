import Grounding

/// Accumulates batch records into the figures of a `BatchSummary` and the full hop table.
///
/// ```swift
/// var aggregate = BatchAggregate()
/// for record in records { aggregate.add(record) }
/// let summary = aggregate.summary(manifest: manifest)
/// ```
public struct BatchAggregate: Sendable {
    /// Entries in the "top" lists.
    public static let topCount = 20
    /// Errors listed in the summary (all are in items.csv).
    public static let listedErrors = 50
    /// The agreement rule, as the reports state it.
    public static let agreementRule = "normalised match (lower case, punctuation ignored): a gold option letter agrees when the answer names that letter (\"B\", \"(B)\", \"Answer: B\", \"the answer is B\"), or, naming no letter, contains that option's text and no other option's; a gold text agrees when the answer names a letter whose option text equals it, or equals or contains it as whole words"

    struct NodeStat: Sendable {
        var id: String
        var label: String
        var concept: String?
        var texts = 0
    }

    struct HopKey: Hashable, Sendable {
        var from: String
        var to: String
    }

    struct HopStat: Sendable {
        var key: HopKey
        var from: String
        var to: String
        var texts = 0
        /// Texts per verdict, in `HopVerdict.allCases` order.
        var verdicts = VerdictCounts()
        var checked = false

        mutating func add(_ verdict: Int?) {
            texts += 1
            if let verdict {
                verdicts[verdict] += 1
                checked = true
            }
        }

        /// The most frequent verdict (the earlier one in `HopVerdict.allCases` on a tie), nil when never checked.
        var top: String? {
            guard checked else { return nil }
            var best = 0
            for i in 1..<VerdictCounts.count where verdicts[i] > verdicts[best] { best = i }
            return BatchAggregate.verdictNames[best]
        }
    }

    /// Counts per verdict without a heap array (one per distinct hop adds up).
    struct VerdictCounts: Sendable {
        static let count = 5
        private var a = 0, b = 0, c = 0, d = 0, e = 0

        subscript(i: Int) -> Int {
            get {
                switch i {
                case 0: return a
                case 1: return b
                case 2: return c
                case 3: return d
                default: return e
                }
            }
            set {
                switch i {
                case 0: a = newValue
                case 1: b = newValue
                case 2: c = newValue
                case 3: d = newValue
                default: e = newValue
                }
            }
        }
    }

    static let verdictNames = HopVerdict.allCases.map(\.rawValue)
    static let verdictIndex = Dictionary(uniqueKeysWithValues: HopVerdict.allCases.enumerated().map { ($1.rawValue, $0) })
    static let unattestedIndex = verdictIndex[HopVerdict.unattested.rawValue]!

    public private(set) var total = 0
    public private(set) var analysed = 0
    public private(set) var errorCount = 0
    var errors: [BatchSummary.ItemError] = []
    var formats: [String: Int] = [:]
    var textFields: [String: Int] = [:]
    var sources: [BatchItemRecord.PathSource: Int] = [:]
    var pathLengths: [Int: Int] = [:]
    var pathsPerText: [Int: Int] = [:]
    var outDegrees: [Int: Int] = [:]
    /// Nodes and hops in order of first appearance, with their positions by key.
    var nodeList: [NodeStat] = []
    var nodeIndex: [String: Int] = [:]
    var hopList: [HopStat] = []
    var hopIndex: [HopKey: Int] = [:]
    var nodes = 0
    var grounded = 0
    var verdicts: [String: Int] = [:]
    var ontology = false
    var scoreSum = 0.0
    var scored = 0
    var withGold = 0
    var agreed = 0
    var warnings = 0
    var textsWithWarnings = 0
    /// Lines of items.jsonl that were not records.
    public var unreadableLines = 0

    public init() {}

    /// Adds one record (each distinct entry once; the caller drops duplicates).
    public mutating func add(_ r: BatchItemRecord) {
        total += 1
        if let message = r.error {
            errorCount += 1
            if errors.count < Self.listedErrors { errors.append(.init(id: r.id, line: r.line, message: message)) }
            return
        }
        analysed += 1
        formats[r.format ?? "unknown", default: 0] += 1
        if let f = r.textField { textFields[f, default: 0] += 1 }
        sources[r.pathSource, default: 0] += 1
        pathsPerText[r.pathLengths.count, default: 0] += 1
        for length in r.pathLengths { pathLengths[length, default: 0] += 1 }
        var out: [String: Int] = [:]
        out.reserveCapacity(r.hops.count)
        for h in r.hops { out[h.from, default: 0] += 1 }
        var labels: [String: String] = [:]
        labels.reserveCapacity(r.nodes.count)
        for n in r.nodes {
            outDegrees[out[n.id] ?? 0, default: 0] += 1
            if labels.updateValue(n.label, forKey: n.id) != nil { continue }
            if let i = nodeIndex[n.id] {
                nodeList[i].texts += 1
            } else {
                nodeIndex[n.id] = nodeList.count
                nodeList.append(NodeStat(id: n.id, label: n.label, concept: n.concept, texts: 1))
            }
        }
        for h in r.hops {
            let key = HopKey(from: h.from, to: h.to)
            let verdict = h.verdict.flatMap { Self.verdictIndex[$0] }
            if let i = hopIndex[key] {
                hopList[i].add(verdict)
            } else {
                hopIndex[key] = hopList.count
                var stat = HopStat(key: key, from: labels[h.from] ?? h.from, to: labels[h.to] ?? h.to)
                stat.add(verdict)
                hopList.append(stat)
            }
        }
        nodes += r.nodes.count
        grounded += r.groundedNodes
        if !r.verdicts.isEmpty || r.groundingScore != nil { ontology = true }
        for (k, v) in r.verdicts { verdicts[k, default: 0] += v }
        if let score = r.groundingScore, !r.hops.isEmpty {
            scoreSum += score
            scored += 1
        }
        if r.goldAnswer != nil {
            withGold += 1
            if r.agreement == true { agreed += 1 }
        }
        warnings += r.warnings
        if r.warnings > 0 { textsWithWarnings += 1 }
    }

    /// Every hop seen, most frequent first (ties in order of first appearance), with its texts and verdicts.
    public func hopTable() -> [BatchSummary.HopCount] {
        rankedHops().map { Self.hopCount(hopList[$0]) }
    }

    /// Positions in `hopList`, most frequent first, ties in order of first appearance (a stable counting sort:
    /// no string is compared, so hundreds of thousands of hops rank in milliseconds).
    func rankedHops(count: (HopStat) -> Int = { $0.texts }) -> [Int] {
        var buckets: [Int: [Int]] = [:]
        for (i, h) in hopList.enumerated() {
            let n = count(h)
            if n > 0 { buckets[n, default: []].append(i) }
        }
        return buckets.keys.sorted(by: >).flatMap { buckets[$0]! }
    }

    static func hopCount(_ s: HopStat, texts: Int? = nil) -> BatchSummary.HopCount {
        var verdicts: [String: Int] = [:]
        if s.checked {
            for i in 0..<VerdictCounts.count { verdicts[verdictNames[i]] = s.verdicts[i] }
        }
        return BatchSummary.HopCount(from: s.key.from, to: s.key.to, fromLabel: s.from, toLabel: s.to,
                                     texts: texts ?? s.texts, verdict: s.top, verdicts: verdicts)
    }

    /// The summary of everything added so far.
    public func summary(manifest: BatchManifest?) -> BatchSummary {
        summary(manifest: manifest, ranked: rankedHops())
    }

    /// The summary, given this aggregate's `rankedHops()`.
    func summary(manifest: BatchManifest?, ranked: [Int]) -> BatchSummary {
        func share(_ n: Int, _ d: Int) -> Double { d == 0 ? 0 : Self.round(Double(n) / Double(d)) }
        // The manifest knows whether an ontology was loaded even when no record has a hop.
        let ontology = self.ontology || !(manifest?.ontology.isEmpty ?? true)
        let hopTotal = verdicts.values.reduce(0, +)
        var counts: [String: Int] = [:]
        var shares: [String: Double] = [:]
        if ontology {
            for v in Self.verdictNames {
                counts[v] = verdicts[v] ?? 0
                shares[v] = share(verdicts[v] ?? 0, hopTotal)
            }
        }
        let topNodes = nodeList.indices.sorted { i, j in
            nodeList[i].texts != nodeList[j].texts ? nodeList[i].texts > nodeList[j].texts : i < j
        }.prefix(Self.topCount).map { i in
            BatchSummary.NodeCount(id: nodeList[i].id, label: nodeList[i].label, concept: nodeList[i].concept,
                                   texts: nodeList[i].texts)
        }
        let hops = ranked.prefix(Self.topCount).map { Self.hopCount(hopList[$0]) }
        let u = Self.unattestedIndex
        let unattested = rankedHops { $0.verdicts[u] }.prefix(Self.topCount)
            .map { Self.hopCount(hopList[$0], texts: hopList[$0].verdicts[u]) }
        let degreeNodes = outDegrees.values.reduce(0, +)
        let branchingNodes = outDegrees.filter { $0.key >= 2 }.values.reduce(0, +)
        return BatchSummary(
            manifest: manifest,
            items: .init(total: total, analysed: analysed, errors: errorCount, unreadableLines: unreadableLines),
            textFields: textFields, formats: formats,
            paths: .init(explicitTexts: sources[.explicit] ?? 0, minedTexts: sources[.mined] ?? 0,
                         noPathTexts: sources[.none] ?? 0, explicitShare: share(sources[.explicit] ?? 0, analysed),
                         minedShare: share(sources[.mined] ?? 0, analysed),
                         total: pathLengths.values.reduce(0, +), perText: Self.distribution(pathsPerText),
                         length: Self.distribution(pathLengths)),
            branching: .init(nodes: degreeNodes, outDegree: Self.distribution(outDegrees),
                             branchingShare: share(branchingNodes, degreeNodes)),
            grounding: .init(ontology: ontology, nodes: nodes, grounded: grounded, rate: share(grounded, nodes),
                             meanScore: scored == 0 ? 0 : Self.round(scoreSum / Double(scored))),
            verdicts: .init(hops: hopTotal, counts: counts, shares: shares),
            topNodes: Array(topNodes), topHops: hops, topUnattestedHops: Array(unattested),
            answers: withGold == 0 ? nil : .init(withGold: withGold, agreed: agreed, rate: share(agreed, withGold),
                                                 rule: Self.agreementRule),
            warnings: .init(total: warnings, texts: textsWithWarnings), errors: errors)
    }

    static func distribution(_ histogram: [Int: Int]) -> BatchSummary.Distribution {
        let buckets = histogram.sorted { $0.key < $1.key }.map { BatchSummary.Bucket(value: $0.key, count: $0.value) }
        let count = buckets.reduce(0) { $0 + $1.count }
        guard count > 0 else { return .init(count: 0, mean: 0, median: 0, max: 0, histogram: []) }
        let sum = buckets.reduce(0.0) { $0 + Double($1.value) * Double($1.count) }
        func nth(_ k: Int) -> Int {   // 0-based k-th smallest value
            var seen = 0
            for b in buckets {
                seen += b.count
                if k < seen { return b.value }
            }
            return buckets.last!.value
        }
        let median = count % 2 == 1 ? Double(nth(count / 2)) : Double(nth(count / 2 - 1) + nth(count / 2)) / 2
        return .init(count: count, mean: round(sum / Double(count)), median: median, max: buckets.last!.value,
                     histogram: buckets)
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
