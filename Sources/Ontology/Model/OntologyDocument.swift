/// The concepts read from one ontology file, with a description of the file.
public struct OntologyDocument: Sendable {
    /// The file and what it says about itself.
    public var source: OntologySource
    /// Every concept in file order, obsolete ones included (flagged).
    public var concepts: [Concept]

    public init(source: OntologySource, concepts: [Concept]) {
        self.source = source
        self.concepts = concepts
    }
}
