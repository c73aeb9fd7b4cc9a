import ArgumentParser
import Explorer

/// Which ontologies a command loads for linking and hop verification.
struct OntologyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Ontology file or folder (repeatable; .xml .owl .obo, optionally .gz). Default: the shipped Ontologies/ folder plus the local vocabulary folder when present.", valueName: "path"))
    var ontology: [String] = []

    @Flag(name: .long, help: "Load no ontology: no linking, no hop verdicts.")
    var noOntology = false

    func validate() throws {
        if noOntology && !ontology.isEmpty { throw ValidationError("--no-ontology and --ontology exclude each other") }
    }

    /// The loaded ontologies, or nil with `--no-ontology`. Without `--ontology`, the defaults; when no default
    /// exists either, nil (the caller says so).
    func load(required: Bool = false) throws -> LoadedOntology? {
        if noOntology { return nil }
        if !ontology.isEmpty { return try LoadedOntology.load(paths: ontology) }
        if OntologyLocator.defaultPaths().isEmpty && !required { return nil }
        return try LoadedOntology.loadDefault()
    }
}
