import Ontology

/// A mention linked to one concept: who the concept is, how well it matched and how.
public struct ConceptLink: Sendable, Hashable, Codable {
    /// The concept id as its source writes it (`HP:0012735`, `DOID:1234`, `ddx-core:cough`).
    public var id: String
    /// The concept's preferred label.
    public var label: String
    /// The concept's type (own or inferred), if known.
    public var type: ConceptType?
    /// Confidence in 0...1.
    public var score: Double
    /// How the mention matched.
    public var match: MatchKind
    /// The label or synonym that matched.
    public var matchedTerm: String
    /// The name of the source the concept comes from.
    public var source: String
    /// Equivalence cross-references of the concept (normalised CURIEs).
    public var xrefs: [String]
    /// Index of the concept in the `OntologyIndex` (not encoded).
    public var conceptIndex: Int

    enum CodingKeys: String, CodingKey { case id, label, type, score, match, matchedTerm, source, xrefs }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        type = try c.decodeIfPresent(ConceptType.self, forKey: .type)
        score = try c.decode(Double.self, forKey: .score)
        match = try c.decode(MatchKind.self, forKey: .match)
        matchedTerm = try c.decode(String.self, forKey: .matchedTerm)
        source = try c.decode(String.self, forKey: .source)
        xrefs = try c.decode([String].self, forKey: .xrefs)
        conceptIndex = -1
    }

    public init(id: String, label: String, type: ConceptType?, score: Double, match: MatchKind, matchedTerm: String,
                source: String, xrefs: [String], conceptIndex: Int) {
        self.id = id
        self.label = label
        self.type = type
        self.score = score
        self.match = match
        self.matchedTerm = matchedTerm
        self.source = source
        self.xrefs = xrefs
        self.conceptIndex = conceptIndex
    }
}
