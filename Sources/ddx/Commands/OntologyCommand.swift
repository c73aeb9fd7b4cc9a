import ArgumentParser
import Explorer
import Foundation
import Grounding
import Ontology

/// `ddx ontology`: inspect, search, validate and convert ontology files.
struct OntologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ontology",
        abstract: "Inspect, search, validate and convert ontologies (ddx XML, OWL RDF/XML, OBO, MeSH, ICD-10-CM, ClaML).",
        subcommands: [Info.self, Lookup.self, Validate.self, Convert.self])

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load ontologies fully and print counts (concepts, synonyms, relations, xrefs, sources).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("Ontology files or folders (default: the shipped and local vocabulary folders).", valueName: "path"))
        var paths: [String] = []

        @Option(name: .shortAndLong, help: "Output format.")
        var format: Format = .text

        func run() throws {
            let loaded = paths.isEmpty ? try LoadedOntology.loadDefault() : try LoadedOntology.load(paths: paths)
            print(format == .json ? try OntologyReport.infoJSON(loaded) : OntologyReport.infoText(loaded), terminator: "")
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a concept by id (HP:0012735, ddx-core:cough) or the best matches for a term.")

        @Argument(help: "A concept id or a term.")
        var query: String

        @OptionGroup var ontologies: OntologyOptions

        @Option(name: .long, help: "Concepts to show for a term.")
        var limit: Int = 3

        func run() throws {
            guard let loaded = try ontologies.load(required: true) else { throw ValidationError("lookup needs an ontology") }
            let index = loaded.index
            if let i = index.concept(id: query) {
                print(OntologyReport.describe(i, in: index), terminator: "")
                return
            }
            let links = EntityLinker(index: index).link(query, limit: limit)
            guard !links.isEmpty else {
                throw InputError("\(query): no concept with this id, and no label or synonym matches it confidently")
            }
            for (n, link) in links.enumerated() {
                if n > 0 { print("") }
                print("match \(n + 1): score \(link.score) \(link.match.rawValue) via \"\(link.matchedTerm)\"")
                print(OntologyReport.describe(link.conceptIndex, in: index), terminator: "")
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check ontology files: ddx XML against the RELAX NG schema and its coherence rules; other formats by a full load.")

        @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "path"))
        var paths: [String]

        @Option(name: .long, help: ArgumentHelp("RELAX NG schema for ddx XML (default: Ontologies/ddx-ontology.rng).", valueName: "file"))
        var schema: String?

        func run() throws {
            let result = try OntologyValidation.run(paths: paths, schema: schema ?? OntologyLocator.schemaPath())
            for line in result.lines { print(line) }
            if result.failures > 0 {
                throw InputError("\(result.failures) of \(result.files) file\(result.files == 1 ? "" : "s") failed validation")
            }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert OWL, OBO, MeSH, ICD-10-CM or ClaML (or ddx XML) into ddx's own ontology XML.",
            discussion: "Concept ids become local ids (HP:0012735 → hp-0012735) with the original CURIE kept as an exact xref; obsolete concepts, xrefs outside the format's prefix list and relations outside its relation types are dropped and counted; concepts without a type take their nearest typed ancestor's. The result validates against Ontologies/ddx-ontology.rng.")

        @Argument(help: ArgumentHelp("Files or folders to convert.", valueName: "path"))
        var inputs: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Output file (- for standard output); written atomically.", valueName: "file"))
        var output: String

        @Option(name: .long, help: "Ontology id of the result (lower-case letters, digits, hyphens).")
        var id: String?

        @Option(name: .long, help: "Version of the result (default: the source's).")
        var version: String?

        @Option(name: .long, help: "Title of the result.")
        var title: String?

        @Option(name: .long, help: "Licence of the result (default: the source's).")
        var license: String?

        func run() throws {
            let report = try OntologyConversion.run(inputs: inputs, output: output, id: id, version: version,
                                                    title: title, license: license)
            if output != "-" {
                StandardError.print("ddx: wrote \(output): \(report.written) concepts; skipped \(report.skippedObsolete) obsolete, \(report.skippedDuplicates) duplicate; dropped \(report.droppedXrefs) xrefs, \(report.droppedRelations) relations, \(report.droppedParents) parents; types inferred \(report.inferredTypes), defaulted \(report.defaultedTypes)")
            }
        }
    }
}
