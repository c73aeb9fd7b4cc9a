/// What the ontology says a node is, as plain values the renderer can draw (filled in by the Explorer).
public struct NodeConceptAnnotation: Sendable, Equatable, Codable {
    /// The linked concept's id, e.g. `HP:0012735`.
    public var conceptID: String
    /// The concept's preferred label.
    public var conceptLabel: String
    /// The concept type (`symptom`, `disease`, `drug`, …), or nil when unknown.
    public var type: String?
    /// Linking confidence in 0...1.
    public var score: Double
    /// How the name matched (`exact`, `synonym`, `normalized`, `word-order`, `fuzzy`).
    public var match: String
    /// The ontology source name the concept comes from.
    public var source: String

    public init(conceptID: String, conceptLabel: String, type: String?, score: Double, match: String, source: String) {
        self.conceptID = conceptID
        self.conceptLabel = conceptLabel
        self.type = type
        self.score = score
        self.match = match
        self.source = source
    }
}
