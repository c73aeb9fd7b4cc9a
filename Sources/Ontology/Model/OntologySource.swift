/// Where a set of concepts came from: the file, its format and what the file says about itself.
public struct OntologySource: Sendable, Hashable, Codable {
    /// The path the file was loaded from.
    public var path: String
    /// The file format.
    public var format: OntologyFormat
    /// A short name: the ontology id or the CURIE prefix of its concepts (e.g. `ddx-core`, `HP`, `ICD10CM`).
    public var name: String
    /// The version or release date the file declares, when it declares one.
    public var version: String?
    /// The title the file declares.
    public var title: String?
    /// The licence the file declares.
    public var license: String?

    public init(path: String, format: OntologyFormat, name: String, version: String? = nil,
                title: String? = nil, license: String? = nil) {
        self.path = path
        self.format = format
        self.name = name
        self.version = version
        self.title = title
        self.license = license
    }
}
