import ArgumentParser
import Explorer
import GraphRendering

/// `ddx graph`: the merged path graph of one text as JSON.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Build the symptom → mechanism → diagnosis graph of a reasoning text.",
        discussion: "The same JSON as `ddx render -o FILE.json`: nodes, edges and paths plus the disclaimer and the input's SHA-256. Steps with the same name (ignoring case and white space) become one node; every node and edge lists the paths and source lines it came from. Node ids are stable: the same input gives byte-identical output.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var source: InputOptions

    @OptionGroup var ontologies: OntologyOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var format: Format = .json

    @OptionGroup var destination: OutputOptions

    func run() throws {
        let input = try source.read()
        let analysis = TextAnalysis(input: input, ontology: try ontologies.load()?.index)
        let json = try GraphRenderer().render(analysis.graph, as: .json, annotations: analysis.annotations())
        try destination.write(json)
    }
}
