import Testing
@testable import Ontology

@Suite("Matching: tiers and fuzzy scoring")
struct MatchingTiersTests {
    static let concepts: [Concept] = [
        Concept(id: "t:kidney", label: "Abnormality of the kidney", synonyms: [Synonym("Renal anomaly")]),
        Concept(id: "t:renal-morphology", label: "Abnormal renal morphology", synonyms: [Synonym("Kidney malformation")]),
        Concept(id: "t:patella", label: "Dysplastic patella"),
        Concept(id: "t:lipoma", label: "Lipoma"),
        Concept(id: "t:lipomas", label: "Multiple lipomas", synonyms: [Synonym("Lipomas", scope: .related)]),
        Concept(id: "t:pit", label: "Preauricular pit"),
        Concept(id: "t:breast-cancer", label: "Breast cancer"),
        Concept(id: "t:cancer", label: "Cancer", synonyms: [Synonym("malignant tumor")]),
        Concept(id: "t:prostate-cancer", label: "Prostate cancer", synonyms: [Synonym("prostate neoplasm")]),
        Concept(id: "t:guaifenesin", label: "Guaifenesin"),
        Concept(id: "t:lung-cyst", label: "Pulmonary cyst"),
        Concept(id: "t:old", label: "Kidney stone", isObsolete: true),
    ]
    let matcher = TermMatcher(concepts: Self.concepts)

    private func best(_ mention: String) -> (id: String, match: MatchKind, score: Double)? {
        matcher.candidates(for: mention, limit: 5, threshold: 0.5).first.map {
            (Self.concepts[$0.concept].id, $0.match, $0.score)
        }
    }

    @Test func rootTierFoldsWordFamiliesAndOrganAdjectives() {
        #expect(best("patellar dysplasia")?.id == "t:patella")
        #expect(best("patellar dysplasia")?.match == .root)
        #expect(best("lung cysts")?.id == "t:lung-cyst")
        #expect(best("tumours")?.id == "t:cancer")
    }

    @Test func aSynonymMatchedInOtherWordsBeatsALabelMatchedOnlyByRoots() {
        // "Kidney malformation" (word order) is closer than "Abnormality of the kidney" (roots only).
        #expect(best("malformations of the kidney")?.id == "t:renal-morphology")
        #expect(best("malformations of the kidney")?.match == .wordOrder)
    }

    @Test func aSynonymWrittenExactlyBeatsANormalisedLabel() {
        #expect(best("lipomas")?.id == "t:lipomas")
        #expect(best("lipomas")?.match == .synonym)
        #expect(best("lipoma")?.id == "t:lipoma")
    }

    @Test func splitPrefixesMatch() {
        #expect(best("pre-auricular pits")?.id == "t:pit")
        #expect(best("pre-auricular pits")?.match == .normalized)
    }

    @Test func extraMentionWordsCostLessThanExtraTermWords() throws {
        let specific = try #require(best("sporadic breast cancer"))
        #expect(specific.id == "t:breast-cancer")
        #expect(specific.match == .fuzzy)
        // "breast" alone names neither cancer: the terms' extra word keeps them below the mention-extra case.
        let general = matcher.candidates(for: "breast", limit: 5, threshold: 0).first?.score ?? 0
        #expect(general < specific.score)
    }

    @Test func typoTolerance() {
        #expect(best("Guaifenesn")?.id == "t:guaifenesin")
        #expect(best("Guaifenesn")?.match == .fuzzy)
    }

    @Test func obsoleteConceptsAreNotIndexed() {
        #expect(best("kidney stone")?.id != "t:old")
    }

    @Test func aSmallerLimitIsAPrefixOfALargerOne() {
        for mention in ["cancer of the prostate", "renal anomalies", "malignant breast tumor", "cysts"] {
            let few = matcher.candidates(for: mention, limit: 2, threshold: 0.3)
            let many = matcher.candidates(for: mention, limit: 20, threshold: 0.3)
            #expect(few == Array(many.prefix(2)), "\(mention)")
        }
    }

    @Test func scanJoinsSplitPrefixes() {
        let spans = matcher.scan("Two pre-auricular pits and a lipoma.")
        #expect(spans.map(\.text) == ["pre-auricular pits", "lipoma"])
    }
}
