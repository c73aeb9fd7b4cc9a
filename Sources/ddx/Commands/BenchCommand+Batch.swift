import ArgumentParser
import Explorer
import Foundation

extension BenchCommand {
    /// `ddx bench batch`: the batch pipeline end to end on synthesised MedReason-sized texts.
    struct BatchBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch",
            abstract: "Texts/s of ddx batch (parse, graph, link, verify, journal, report) on synthesised MedReason-sized texts, against parsing them alone on one core.")

        @Option(help: "Texts to synthesise (2–4 KB each; deterministic).")
        var texts: Int = 32_000

        @OptionGroup(title: "Ontology (default: the shipped Ontologies/ folder only)") var ontologies: OntologyOptions

        @Option(help: "Worker threads (default: the cores available).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: ArgumentHelp("Keep the generated JSONL and the batch output in this folder.", valueName: "dir"))
        var keep: String?

        @Flag(help: "Print {\"texts_per_s\", \"total_s\", \"anchor_parse_s\", \"ratio_batch_over_parse\", …}.")
        var json = false

        func validate() throws {
            guard texts > 0, texts <= 10_000_000 else { throw ValidationError("--texts must be between 1 and 10000000") }
            guard threads > 0, threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
            if ontologies.noOntology { throw ValidationError("the batch benchmark needs an ontology; drop --no-ontology") }
        }

        func run() throws {
            // The shipped ontology unless --ontology names others (local vocabularies would change the workload).
            let loaded: LoadedOntology
            if ontologies.ontology.isEmpty, let shipped = OntologyLocator.shippedDirectory() {
                loaded = try LoadedOntology.load(paths: [shipped])
            } else if let other = try ontologies.load(required: true) {
                loaded = other
            } else {
                throw ValidationError("the batch benchmark needs an ontology")
            }
            let result = try BatchBenchmark.run(count: texts, ontology: loaded, threads: threads, keep: keep)
            print(json ? result.json : result.report)
        }
    }
}
