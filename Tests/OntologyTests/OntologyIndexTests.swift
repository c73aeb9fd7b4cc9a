import Testing
import TestSupport
@testable import Ontology

@Suite("Ontology index and term matching")
struct OntologyIndexTests {
    let index: OntologyIndex

    init() throws {
        let loader = OntologyLoader()
        index = OntologyIndex(documents: [
            try loader.load(file: RepoFiles.ontologyFixture("native-small.xml")),
            try loader.load(file: RepoFiles.ontologyFixture("native-partner.xml")),
        ])
    }

    private func id(_ candidate: TermCandidate?) -> String? { candidate.map { index.concepts[$0.concept].id } }

    @Test func countsEverything() {
        let s = index.statistics
        #expect(s.concepts == 20)
        #expect(s.synonyms == 15)
        #expect(s.relations == 9)
        #expect(s.unresolvedRelations == 0)
        #expect(s.isALinks == 6)
        #expect(s.xrefs == 4)
        #expect(s.mergedGroups == 1)
    }

    @Test func mergesConceptsOfDifferentSourcesByExactCodeOnly() throws {
        let cough = try #require(index.concept(id: "testonto:cough"))
        let tussis = try #require(index.concept(id: "partner:tussis"))
        let other = try #require(index.concept(id: "partner:other-cough-code"))
        #expect(index.groupOf[cough] == index.groupOf[tussis])
        #expect(index.groupOf[cough] != index.groupOf[other])   // a broad match is not an equivalence
        #expect(index.codes(ofGroupOf: tussis).isSuperset(of: ["HP:0012735", "MESH:D003371", "testonto:cough"]))
    }

    @Test func relationsAreIndexedAtGroupLevel() throws {
        let cough = try #require(index.concept(id: "testonto:cough"))
        let kinds = index.relations(ofGroup: index.groupOf[cough]).map(\.kind)
        // pneumonia presents_with cough (testonto) and acute bronchitis presents_with tussis (partner).
        #expect(kinds.filter { $0 == .presentsWith }.count == 2)
    }

    @Test func hierarchyResolves() throws {
        let bp = try #require(index.concept(id: "testonto:bacterial-pneumonia"))
        let parents = index.parentGroups(of: index.groupOf[bp]).map { index.concepts[index.representative(ofGroup: $0)].id }
        #expect(parents == ["testonto:pneumonia"])
    }

    @Test func exactLabelScoresHighest() {
        let best = index.matcher.candidates(for: "pneumonia").first
        #expect(id(best) == "testonto:pneumonia")
        #expect(best?.match == .exact)
        #expect(best?.score == 1.0)
    }

    @Test func synonymAndAbbreviation() {
        #expect(id(index.matcher.candidates(for: "Heart attack").first) == "testonto:myocardial-infarction")
        #expect(index.matcher.candidates(for: "Heart attack").first?.match == .synonym)
        #expect(id(index.matcher.candidates(for: "MI").first) == "testonto:myocardial-infarction")
    }

    @Test func normalisedSpellingAndPlural() {
        let c = index.matcher.candidates(for: "Dyspnea").first
        #expect(id(c) == "testonto:dyspnoea")
        #expect(id(index.matcher.candidates(for: "Chest X-rays").first) == "testonto:chest-x-ray")
        #expect(index.matcher.candidates(for: "Chest X-rays").first?.match == .normalized)
    }

    @Test func wordOrder() {
        let c = index.matcher.candidates(for: "pain, chest").first
        #expect(id(c) == "testonto:chest-pain")
        #expect(c?.match == .wordOrder)
    }

    @Test func fuzzyToleratesATypoAndExtraWords() {
        let typo = index.matcher.candidates(for: "Guaifenesn").first
        #expect(id(typo) == "testonto:guaifenesin")
        #expect(typo?.match == .fuzzy)
        let extra = index.matcher.candidates(for: "bacterial pneumonia in adults").first
        #expect(id(extra) == "testonto:bacterial-pneumonia")
    }

    @Test func nothingBelowTheThreshold() {
        #expect(index.matcher.candidates(for: "quantum chromodynamics").isEmpty)
        #expect(index.matcher.candidates(for: "").isEmpty)
    }

    @Test func rankingIsDeterministicAndLimited() {
        let a = index.matcher.candidates(for: "cough", limit: 2)
        #expect(a.count <= 2)
        #expect(a == index.matcher.candidates(for: "cough", limit: 2))
        #expect(a.first?.score == 1.0)
    }

    @Test func scanFindsLongestNonOverlappingMentions() {
        let text = "Productive cough with fever suggests bacterial pneumonia rather than a headache."
        let spans = index.matcher.scan(text)
        #expect(spans.map(\.text) == ["Productive cough", "fever", "bacterial pneumonia", "headache"])
        let bytes = Array(text.utf8)
        #expect(spans.allSatisfy { String(decoding: bytes[$0.range], as: UTF8.self) == $0.text })
    }

    @Test func curieNormalisation() {
        #expect(CURIE.normalize("MSH:D003371") == "MESH:D003371")
        #expect(CURIE.normalize("UMLS_CUI:C0010200") == "UMLS:C0010200")
        #expect(CURIE.normalize("SNOMEDCT_US_2025_09_01:49727002") == "SNOMEDCT:49727002")
        #expect(CURIE.normalize("http://purl.obolibrary.org/obo/HP_0012735") == "HP:0012735")
        #expect(CURIE.normalize("not a curie") == nil)
        #expect(CURIE.normalize("https://orcid.org/0000-0001") == nil)
    }
}
