import Foundation
import Ontology

/// Ontologies loaded for a command: the merged index, the files read and how long it took.
public struct LoadedOntology: Sendable {
    /// The merged index.
    public let index: OntologyIndex
    /// The files read, in order.
    public let files: [String]
    /// Wall-clock seconds spent reading and indexing.
    public let seconds: Double

    /// Loads every file the paths name (folders expanded); bad files give a one-line `InputError` naming file and line.
    public static func load(paths: [String]) throws -> LoadedOntology {
        let start = DispatchTime.now().uptimeNanoseconds
        let loader = OntologyLoader()
        do {
            let files = try paths.flatMap { try loader.files(at: $0) }
            guard !files.isEmpty else {
                throw InputError("\(paths.joined(separator: ", ")): no ontology files (.xml, .owl, .obo, optionally .gz)")
            }
            let documents = try files.map { try loader.load(file: $0) }
            let index = OntologyIndex(documents: documents)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return LoadedOntology(index: index, files: files, seconds: seconds)
        } catch let error as OntologyError {
            throw InputError(error.description)
        }
    }

    /// Loads the default ontologies (shipped folder plus local vocabularies); a one-line error if none is found.
    public static func loadDefault() throws -> LoadedOntology {
        let paths = OntologyLocator.defaultPaths()
        guard !paths.isEmpty else {
            throw InputError("no ontology found: the shipped Ontologies/ folder is missing (set DDX_ONTOLOGY_DIR or pass --ontology PATH)")
        }
        return try load(paths: paths)
    }

    /// `name version` for each loaded source, for legends and metadata.
    public var sourceNames: [String] {
        index.sources.map { s in s.version.map { "\(s.name) \($0)" } ?? s.name }
    }
}
