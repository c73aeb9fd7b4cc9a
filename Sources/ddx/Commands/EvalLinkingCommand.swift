import ArgumentParser
import Explorer
import Foundation
import Grounding

/// `ddx eval-linking`: acc@1, recall@5 and coverage of the linker on a gold corpus.
struct EvalLinkingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-linking",
        abstract: "Evaluate entity linking on gold mentions (GSC+ or PubTator files): acc@1, recall@5, coverage.",
        discussion: "Gold mention strings are linked as given (no entity recognition). Coverage is the share of mentions whose gold id some loaded concept carries (as id or equivalence xref); acc@1 and recall@5 are over those. Example: ddx eval-linking --gold ../shared/linking/hpo-gsc-plus/GSCplus_dev_gold.tsv --ontology hp.obo")

    @Option(name: .long, help: ArgumentHelp("Gold file.", valueName: "file"))
    var gold: String

    @Option(name: .long, help: "Gold format (detected when omitted): gsc or pubtator.")
    var goldFormat: LinkingGold.Format?

    @OptionGroup var ontologies: OntologyOptions

    @Option(name: .long, help: "Minimum confidence (0…1) for a candidate.")
    var threshold: Double = EntityLinker.defaultThreshold

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "List up to 40 misses.")
    var misses = false

    func run() throws {
        let data = try LinkingGold.read(path: gold, format: goldFormat)
        guard let loaded = try ontologies.load(required: true) else {
            throw ValidationError("evaluation needs an ontology; drop --no-ontology")
        }
        let result = LinkingEvaluation.run(gold: data, linker: EntityLinker(index: loaded.index, threshold: threshold))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        print("gold: \(gold) (\(data.format.rawValue), \(result.mentions) mentions)")
        print("ontology: \(loaded.files.joined(separator: ", ")) (\(loaded.index.concepts.count) concepts, loaded in \(String(format: "%.2f", loaded.seconds)) s)")
        print("coverage  \(result.coverage)  (\(result.reachable) of \(result.mentions) mentions have a reachable gold id)")
        print("acc@1     \(result.accuracyAt1)  (\(result.correctAt1) of \(result.reachable))")
        print("recall@5  \(result.recallAt5)  (\(result.correctAt5) of \(result.reachable))")
        print("unlinked  \(result.unlinked) reachable mentions below the threshold \(threshold)")
        if misses {
            for m in result.misses { print("  miss: \(m[0])  gold \(m[1])  top \(m[2])") }
        }
    }
}

extension LinkingGold.Format: ExpressibleByArgument {}
