import Foundation

/// Loads ontology files in any supported format, detecting the format from the file itself.
///
/// ```swift
/// let documents = try OntologyLoader().load(paths: ["Ontologies/", "hp.obo"])
/// let index = OntologyIndex(documents: documents)
/// ```
public struct OntologyLoader: Sendable {
    /// File name endings read when a directory is given.
    public static let fileEndings = [".xml", ".owl", ".obo", ".xml.gz", ".owl.gz", ".obo.gz", ".rdf", ".rdf.gz"]

    public init() {}

    /// Reads one file, detecting its format unless `format` is given.
    public func load(file path: String, format: OntologyFormat? = nil) throws -> OntologyDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw OntologyError(path: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw OntologyError(path: path, "is a directory, expected a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw OntologyError(path: path, "permission denied")
        }
        let detected = try format ?? OntologyFormatDetector.detect(path: path)
        switch detected {
        case .ddx: return try NativeOntologyImporter().read(path: path)
        case .owl: return try OWLImporter().read(path: path)
        case .obo: return try OBOImporter().read(path: path)
        case .mesh: return try MeSHImporter().read(path: path)
        case .icd10cm: return try ICD10CMImporter().read(path: path)
        case .claml: return try ClaMLImporter().read(path: path)
        }
    }

    /// The ontology files a path names: the file itself, or a directory's supported files in name order.
    public func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw OntologyError(path: path, "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        let base = path.hasSuffix("/") ? path : path + "/"
        return names.filter { name in
            !name.hasPrefix(".") && Self.fileEndings.contains { name.lowercased().hasSuffix($0) }
        }.sorted().map { base + $0 }
    }

    /// Reads every file the paths name (directories expanded), in order.
    public func load(paths: [String]) throws -> [OntologyDocument] {
        try paths.flatMap { try files(at: $0) }.map { try load(file: $0) }
    }
}
