import Grounding

/// The four bar charts of a batch report, drawn from its summary.
public enum BatchCharts {
    /// Verdict colours (colour-blind-safe, Paul Tol's palette).
    public static let verdictColors = ["attested": "#228833", "attested-via-is-a": "#44AA99", "plausible": "#CCBB44",
                                       "unattested": "#EE6677", "ungrounded": "#BBBBBB"]

    /// File name → SVG text.
    public static func all(_ s: BatchSummary) -> [(name: String, svg: String)] {
        [("chart-path-lengths.svg", pathLengths(s)), ("chart-branching.svg", branching(s)),
         ("chart-verdicts.svg", verdicts(s)), ("chart-top-nodes.svg", topNodes(s))]
    }

    static func capped(_ histogram: [BatchSummary.Bucket], cap: Int, unit: (Int) -> String) -> [BarChartSVG.Bar] {
        var bars: [BarChartSVG.Bar] = []
        var over = 0
        for b in histogram {
            if b.value > cap { over += b.count } else { bars.append(.init(label: unit(b.value), value: Double(b.count))) }
        }
        if over > 0 { bars.append(.init(label: "more than \(unit(cap))", value: Double(over))) }
        return bars
    }

    static func pathLengths(_ s: BatchSummary) -> String {
        let d = s.paths.length
        let bars = capped(d.histogram, cap: 12) { $0 == 1 ? "1 step" : "\($0) steps" }
        let sub = "\(ProgressMeter.grouped(s.paths.total)) paths in \(ProgressMeter.grouped(s.items.analysed)) texts; mean \(BenchmarkStatistics.format(d.mean, decimals: 2)), median \(BenchmarkStatistics.format(d.median, decimals: 1)), max \(d.max) steps"
        return BarChartSVG(title: "Path length (steps per path)", subtitle: sub, bars: bars, footer: BatchSummary.disclaimer).render()
    }

    static func branching(_ s: BatchSummary) -> String {
        let d = s.branching.outDegree
        let bars = capped(d.histogram, cap: 8) { $0 == 1 ? "1 outgoing hop" : "\($0) outgoing hops" }
        let sub = "\(ProgressMeter.grouped(s.branching.nodes)) nodes; \(percent(s.branching.branchingShare)) branch (2+ outgoing hops); paths per text: mean \(BenchmarkStatistics.format(s.paths.perText.mean, decimals: 2)), median \(BenchmarkStatistics.format(s.paths.perText.median, decimals: 1))"
        return BarChartSVG(title: "Branching (outgoing hops per node, within its text)", subtitle: sub, bars: bars,
                           footer: BatchSummary.disclaimer).render()
    }

    static func verdicts(_ s: BatchSummary) -> String {
        var bars: [BarChartSVG.Bar] = []
        if s.grounding.ontology {
            for v in HopVerdict.allCases.map(\.rawValue) {
                let n = s.verdicts.counts[v] ?? 0
                bars.append(.init(label: v, value: Double(n), color: verdictColors[v],
                                  valueText: "\(ProgressMeter.grouped(n)) (\(percent(s.verdicts.shares[v] ?? 0)))"))
            }
        }
        let sub = s.grounding.ontology
            ? "\(ProgressMeter.grouped(s.verdicts.hops)) hops checked against the loaded ontology"
            : "no ontology loaded: hops were not checked"
        return BarChartSVG(title: "Hop verdicts", subtitle: sub, bars: bars, footer: BatchSummary.disclaimer).render()
    }

    static func topNodes(_ s: BatchSummary) -> String {
        let bars = s.topNodes.map { n in
            BarChartSVG.Bar(label: n.label, value: Double(n.texts),
                            valueText: "\(ProgressMeter.grouped(n.texts)) texts" + (n.concept.map { " · \($0)" } ?? ""))
        }
        return BarChartSVG(title: "Most frequent nodes (texts containing each)",
                           subtitle: "top \(bars.count) of the nodes of \(ProgressMeter.grouped(s.items.analysed)) texts; node names are model text",
                           bars: bars, footer: BatchSummary.disclaimer).render()
    }

    /// `12.3%`.
    static func percent(_ share: Double) -> String {
        BenchmarkStatistics.format(share * 100, decimals: 1) + "%"
    }
}
