import ArgumentParser
import Foundation
import Explorer
import Grounding

extension BenchCommand {
    struct OntologyBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ontology",
            abstract: "Time loading an ontology file, against a bare libxml2 streaming pass and xmllint --stream on the same file.")

        @Argument(help: ArgumentHelp("The ontology file (e.g. a ~30 MB OWL file; .gz is read directly).", valueName: "file"))
        var file: String?

        @Option(help: ArgumentHelp("Instead of FILE, generate an OWL RDF/XML file of this many MiB (HPO's layout) in a temporary folder.", valueName: "n"))
        var generateMib: Int?

        @Option(help: "Timed repetitions.")
        var iterations: Int = 3

        func validate() throws {
            guard iterations > 0 else { throw ValidationError("--iterations must be positive") }
            guard (file == nil) != (generateMib == nil) else { throw ValidationError("give either FILE or --generate-mib N") }
            if let n = generateMib, n < 1 || n > 2048 { throw ValidationError("--generate-mib must be between 1 and 2048") }
        }

        func run() throws {
            if let file {
                print(try OntologyLoadBenchmark.run(file: file, iterations: iterations).report)
                return
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ddx-bench-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("generated.owl").path
            let classes = try OWLBenchmarkInput.write(to: path, bytes: generateMib! << 20)
            print("generated \(path): \(classes) classes")
            print(try OntologyLoadBenchmark.run(file: path, iterations: iterations).report)
        }
    }

    struct LinkBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Linking throughput (mentions/s, top 5 candidates), against an exact dictionary lookup of the same mentions.")

        @OptionGroup var ontologies: OntologyOptions

        @Option(help: "Mentions to link (derived from the ontology's own labels and synonyms, varied).")
        var mentions: Int = 100_000

        @Option(help: "Threads for the batch measurement (default: the cores available).")
        var threads: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard mentions > 0 else { throw ValidationError("--mentions must be positive") }
            guard threads > 0, threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        }

        func run() throws {
            guard let loaded = try ontologies.load(required: true) else { throw ValidationError("linking needs an ontology") }
            let linker = EntityLinker(index: loaded.index)
            let sample = LinkBenchmark.mentions(from: loaded.index, count: mentions)
            print("ontology: \(loaded.files.joined(separator: ", ")) (\(loaded.index.concepts.count) concepts, \(loaded.index.matcher.termCount) terms)")
            print(LinkBenchmark.run(linker: linker, mentions: sample, threads: threads).report)
        }
    }
}
