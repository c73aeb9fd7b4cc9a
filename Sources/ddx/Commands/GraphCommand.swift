import ArgumentParser
import Explorer
import Foundation

/// `ddx graph`: the merged path graph of one text as JSON.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Build the symptom → mechanism → diagnosis graph of a reasoning text.",
        discussion: "Steps with the same name (ignoring case and white space) become one node; every node and edge lists the paths and source lines it came from. Node ids are stable: the same input gives byte-identical output.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @OptionGroup var source: InputOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String = "-"

    func run() throws {
        let analysis = TextAnalysis(input: try source.read())
        try AtomicFileWriter.write(try ParseReportFormatter.json(analysis.graph), to: output)
    }
}
