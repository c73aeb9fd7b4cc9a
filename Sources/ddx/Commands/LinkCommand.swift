import ArgumentParser
import Explorer
import Foundation
import Grounding

/// `ddx link`: ranked ontology concepts for a mention, or for every line of a file.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link free-text mentions to ontology concepts (ranked candidates with score and match kind).",
        discussion: "Matching goes exact label → synonym → normalised (case, punctuation, plurals, British/American spelling, NOS, abbreviations in parentheses, e.g. lists) → word order → fuzzy (rarity-weighted word overlap, one typo per word). Nothing below --threshold is linked; the output says so instead. With --batch, one mention per input line and, with --format jsonl, one JSON object per output line in input order: {\"mention\", \"candidates\": [{\"id\", \"label\", \"type\", \"score\", \"match\", \"source\", \"xrefs\"}]}.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

    @Argument(help: "The mention to link (omit with --batch).")
    var mention: String?

    @Option(name: .long, help: ArgumentHelp("Link every line of this file (- for standard input).", valueName: "file"))
    var batch: String?

    @OptionGroup var ontologies: OntologyOptions

    @Option(name: .long, help: "Candidates per mention.")
    var limit: Int = 5

    @Option(name: .long, help: "Minimum confidence (0…1) for a candidate.")
    var threshold: Double = EntityLinker.defaultThreshold

    @Option(name: .shortAndLong, help: "Output format: text, json (one document) or jsonl (one line per mention).")
    var format: Format = .text

    @Option(name: .long, help: "Threads for --batch (default: the cores available).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var destination: OutputOptions

    func validate() throws {
        if (mention == nil) == (batch == nil) { throw ValidationError("give either a mention or --batch FILE") }
        guard limit > 0, limit <= 100 else { throw ValidationError("--limit must be between 1 and 100") }
        guard threshold >= 0, threshold <= 1 else { throw ValidationError("--threshold must be between 0 and 1") }
        guard threads > 0, threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        if ontologies.noOntology { throw ValidationError("linking needs an ontology; drop --no-ontology") }
    }

    func run() throws {
        guard let loaded = try ontologies.load(required: true) else { return }
        let linker = EntityLinker(index: loaded.index, threshold: threshold)
        let mentions: [String]
        if let batch {
            let input = try ReasoningInput.read(path: batch)
            mentions = String(decoding: input.bytes, as: UTF8.self)
                .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            let trimmed = mentions.last == "" ? Array(mentions.dropLast()) : mentions
            try write(trimmed, linker: linker)
        } else {
            try write([mention!], linker: linker)
        }
    }

    private func write(_ mentions: [String], linker: EntityLinker) throws {
        let results = linker.link(batch: mentions, limit: limit, threads: threads)
        var out = ""
        switch format {
        case .jsonl:
            for (m, r) in zip(mentions, results) { out += LinkResultWriter.jsonLine(mention: m, candidates: r) + "\n" }
        case .json:
            out = "[" + zip(mentions, results).map { LinkResultWriter.jsonLine(mention: $0, candidates: $1) }
                .joined(separator: ",\n") + "]\n"
        case .text:
            for (m, r) in zip(mentions, results) { out += LinkResultWriter.text(mention: m, candidates: r, threshold: threshold) }
        }
        try destination.write(Array(out.utf8))
    }
}
