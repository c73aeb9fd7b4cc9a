import ArgumentParser
import Explorer
import GraphRendering

/// `ddx render`: the path graph of one text as SVG, PNG, PDF, DOT, Mermaid or JSON.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the reasoning-path graph of a text to SVG, PNG, PDF, DOT, Mermaid or JSON.",
        discussion: "The format comes from the output file's extension (.svg .png .pdf .dot .mmd .json) or --format. Graphviz runs in-process. Every export carries the footer \"Model-generated reasoning, not clinical advice\" and the input's SHA-256. Files are written atomically: a failed render leaves no partial file.")

    @OptionGroup var source: InputOptions

    @OptionGroup var ontologies: OntologyOptions
    @OptionGroup var layout: LayoutOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file, or - for standard output (then --format is required).", valueName: "file"))
    var output: String

    @Option(name: .shortAndLong, help: "Output format; overrides the extension.")
    var format: DiagramFormat?

    @Option(name: .long, help: ArgumentHelp("A title line for the diagram (e.g. the question).", valueName: "text"))
    var title: String?

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if output == "-" && format == nil { throw ValidationError("writing to standard output (-o -) needs --format") }
    }

    func run() throws {
        layout.apply()
        let input = try source.read()
        let loaded = try ontologies.load()
        let analysis = TextAnalysis(input: input, ontology: loaded?.index)
        let written = try DiagramExporter().export(analysis, to: output, format: format, title: title)
        if !quiet && output != "-" {
            let g = analysis.graph
            StandardError.print("ddx: wrote \(output) (\(written) bytes): \(g.nodes.count) nodes, \(g.edges.count) edges from \(g.paths.count) \(analysis.minedFromProse ? "mined " : "")path\(g.paths.count == 1 ? "" : "s")"
                + (analysis.parsed.warnings.isEmpty ? "" : "; \(analysis.parsed.warnings.count) parse warning\(analysis.parsed.warnings.count == 1 ? "" : "s") (see ddx parse)"))
            if let summary = analysis.grounding?.summary {
                StandardError.print("ddx: grounding: \(GroundingText.summaryLine(summary))")
            } else if !ontologies.noOntology {
                StandardError.print("ddx: note: no ontology found (shipped Ontologies/ folder missing); nodes are not linked")
            }
        }
    }
}

extension DiagramFormat: ExpressibleByArgument {}
