import ArgumentParser
import Explorer
import Foundation

/// `ddx parse`: the sections, reasoning paths and plan edges of one text.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a reasoning text into sections, reasoning paths and plan edges.",
        discussion: "Reads MedReason, HuatuoGPT-o1, MedVerse and bare knowledge-graph path texts. Anything not understood is reported under 'warnings'; nothing is dropped silently.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @OptionGroup var source: InputOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var format: Format = .json

    @OptionGroup var destination: OutputOptions

    func run() throws {
        let input = try source.read()
        let analysis = TextAnalysis(input: input)
        let bytes: [UInt8]
        switch format {
        case .json: bytes = try ParseReportFormatter.json(analysis.parsed)
        case .text: bytes = Array(ParseReportFormatter.text(analysis.parsed, sourceName: input.sourceName).utf8)
        }
        try destination.write(bytes)
    }
}
