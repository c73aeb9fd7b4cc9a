/// One ranked candidate concept for a mention.
public struct TermCandidate: Sendable, Hashable {
    /// Index of the concept in `OntologyIndex.concepts`.
    public var concept: Int
    /// Confidence in 0...1.
    public var score: Double
    /// How the mention matched.
    public var match: MatchKind
    /// The label or synonym that matched.
    public var matchedTerm: String

    public init(concept: Int, score: Double, match: MatchKind, matchedTerm: String) {
        self.concept = concept
        self.score = score
        self.match = match
        self.matchedTerm = matchedTerm
    }
}
