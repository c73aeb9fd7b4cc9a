import ArgumentParser
import GraphRendering

/// The size of graph ddx lays out with Graphviz (`--max-nodes`, `--max-edges`); see `LayoutLimits`.
struct LayoutOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest graph laid out for SVG, PNG, PDF and reports, in nodes (Graphviz can take minutes beyond a few hundred).",
                               valueName: "n"))
    var maxNodes: Int = LayoutLimits.default.maxNodes

    @Option(help: ArgumentHelp("Largest graph laid out, in edges.", valueName: "n"))
    var maxEdges: Int = LayoutLimits.default.maxEdges

    func validate() throws {
        guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1") }
        guard maxEdges >= 0 else { throw ValidationError("--max-edges must be 0 or more") }
    }

    /// Makes these limits the process's.
    func apply() {
        LayoutLimits.current = LayoutLimits(maxNodes: maxNodes, maxEdges: maxEdges)
    }
}
