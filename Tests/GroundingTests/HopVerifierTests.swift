import Grounding
import Ontology
import Testing

@Suite("Hop verification")
struct HopVerifierTests {
    let verifier = HopVerifier(index: GroundingFixtures.index)
    func c(_ id: String) -> Int { GroundingFixtures.concept("testonto:" + id) }

    @Test func directRelationEitherDirection() throws {
        let forward = verifier.verify(c("pneumonia"), c("cough"))
        #expect(forward.verdict == .attested)
        #expect(forward.evidence.first?.relation == "presents_with")
        #expect(forward.evidence.first?.direction == "forward")
        let backward = verifier.verify(c("cough"), c("pneumonia"))
        #expect(backward.verdict == .attested)
        #expect(backward.evidence.first?.direction == "backward")
        #expect(backward.evidence.first?.subject == "testonto:pneumonia")
    }

    @Test func relationFromAMergedPartnerCounts() {
        let bronchitis = GroundingFixtures.concept("partner:acute-bronchitis")
        let v = verifier.verify(c("cough"), bronchitis)
        #expect(v.verdict == .attested)
        #expect(v.evidence.first?.source == "partner")
    }

    @Test func viaAncestorWithChain() throws {
        let v = verifier.verify(c("bacterial-pneumonia"), c("cough"))
        #expect(v.verdict == .attestedViaIsA)
        let e = try #require(v.evidence.first)
        #expect(e.relation == "presents_with")
        #expect(e.chain == ["testonto:bacterial-pneumonia", "testonto:pneumonia", "testonto:cough"])
    }

    @Test func viaDescendant() {
        // expectorant treats productive-cough; cough's child is productive-cough.
        let v = verifier.verify(c("cough"), c("expectorant"))
        #expect(v.verdict == .attestedViaIsA)
        #expect(v.evidence.first?.relation == "treats")
    }

    @Test func isAItselfIsAttested() {
        let v = verifier.verify(c("guaifenesin"), c("expectorant"))
        #expect(v.verdict == .attested)
        #expect(v.evidence.first?.relation == "is_a")
    }

    @Test func plausibleWhenTypesFit() {
        let v = verifier.verify(c("myocardial-infarction"), c("fever"))
        #expect(v.verdict == .plausible)
        #expect(v.pattern == "presents_with")
        #expect(v.evidence.isEmpty)
    }

    @Test func unattestedWhenNothingConnects() {
        #expect(verifier.verify(c("lung"), c("guaifenesin")).verdict == .unattested)
    }

    @Test func ungroundedEnd() {
        #expect(verifier.verify(nil, c("cough")).verdict == .ungrounded)
    }

    @Test func sameConcept() {
        let tussis = GroundingFixtures.concept("partner:tussis")
        let v = verifier.verify(c("cough"), tussis)
        #expect(v.verdict == .attested)
        #expect(v.evidence.first?.relation == "same_concept")
    }
}
