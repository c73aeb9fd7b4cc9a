import Ontology

/// Links free-text mentions (graph node names, `ddx link` input) to ranked ontology concepts.
///
/// ```swift
/// let linker = EntityLinker(index: index)
/// let links = linker.link("Myocardial infarction (MI)")   // best first; empty when nothing is confident enough
/// ```
public struct EntityLinker: Sendable {
    /// The default confidence below which nothing is linked.
    public static let defaultThreshold = 0.6

    /// The index searched.
    public let index: OntologyIndex
    /// Candidates scoring below this are not returned.
    public var threshold: Double

    public init(index: OntologyIndex, threshold: Double = EntityLinker.defaultThreshold) {
        self.index = index
        self.threshold = threshold
    }

    /// Ranked candidates for `mention`, best first, at most `limit`; empty when none reaches the threshold.
    public func link(_ mention: String, limit: Int = 5) -> [ConceptLink] {
        let matcher = index.matcher
        var best: [TermCandidate] = []
        for variant in MentionVariants.of(mention) {
            // A derived form scores at most its factor, so the matcher can drop what could not reach the threshold.
            let floor = min(1.0, threshold / variant.factor)
            for candidate in matcher.candidates(for: variant.text, limit: limit, threshold: floor) {
                var scored = candidate
                scored.score = candidate.score * variant.factor
                guard scored.score >= threshold else { continue }
                if let i = best.firstIndex(where: { $0.concept == candidate.concept }) {
                    if best[i].score < scored.score { best[i] = scored }
                } else {
                    best.append(scored)
                }
            }
        }
        best.sort { $0.score != $1.score ? $0.score > $1.score : $0.concept < $1.concept }
        return best.prefix(limit).map(makeLink)
    }

    private func makeLink(_ candidate: TermCandidate) -> ConceptLink {
        let i = candidate.concept
        return index.concepts.withUnsafeBufferPointer { concepts in
            var xrefs: [String] = []
            for x in concepts[i].xrefs where x.match.isEquivalence { xrefs.append(x.code) }
            return ConceptLink(
                id: concepts[i].id, label: concepts[i].label, type: index.types[i],
                score: (candidate.score * 1000).rounded() / 1000, match: candidate.match,
                matchedTerm: candidate.matchedTerm, source: index.sources[index.sourceOf[i]].name,
                xrefs: xrefs, conceptIndex: i)
        }
    }
}
