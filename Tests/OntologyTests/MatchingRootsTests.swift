import Testing
@testable import Ontology

@Suite("Matching: word roots")
struct MatchingRootsTests {
    private func root(_ word: String) -> String {
        TermNormalizer.root(TermNormalizer.canonicalWord(word))
    }

    @Test(arguments: [
        ("dysplastic", "dysplasia"), ("hypoplastic", "hypoplasia"), ("cystic", "cyst"), ("cystic", "cysts"),
        ("duplicated", "duplication"), ("bridging", "bridged"), ("patellar", "patella"), ("clavicular", "clavicle"),
        ("mandibular", "mandible"), ("muscular", "muscle"), ("capsular", "capsule"), ("axonal", "axon"),
        ("sclerotic", "sclerosis"), ("arthritic", "arthritis"), ("infectious", "infection"), ("edematous", "oedema"),
        ("lipomatous", "lipoma"), ("asthmatic", "asthma"), ("prostatic", "prostate"), ("ovarian", "ovary"),
        ("intestinal", "intestine"), ("uterine", "uterus"), ("atrophic", "atrophy"), ("anemic", "anaemia"),
        ("neurological", "neurologic"), ("obesity", "obese"), ("enlargement", "enlarged"), ("cerebral", "cerebrum"),
        ("calcified", "calcification"), ("generalized", "general"), ("retinal", "retina"), ("atrial", "atrium"),
    ])
    func wordFamiliesShareARoot(_ a: String, _ b: String) {
        #expect(root(a) == root(b))
    }

    @Test(arguments: [
        ("renal", "kidney"), ("hepatic", "liver"), ("cardiac", "heart"), ("pulmonary", "lungs"), ("cutaneous", "skin"),
        ("ocular", "eye"), ("ophthalmic", "eyes"), ("otic", "ear"), ("articular", "joint"), ("mammary", "breast"),
        ("gastric", "stomach"), ("pancreatic", "pancreas"),
    ])
    func organAdjectivesFoldToTheirNoun(_ adjective: String, _ noun: String) {
        #expect(root(adjective) == root(noun))
    }

    @Test func theWordsForAbnormalShareARoot() {
        let roots = Set(["abnormality", "abnormalities", "anomaly", "anomalies", "abnormal", "malformations",
                         "malformed", "deformity", "signs", "manifestations"].map(root))
        #expect(roots == ["abnormal"])
    }

    @Test func meshEntryTermsOfNeoplasmsShareARoot() {
        let roots = Set(["tumour", "tumors", "neoplasm", "neoplasia", "neoplastic", "cancer", "cancers", "malignancy"]
            .map(root))
        #expect(roots.count == 1)
        #expect(root("carcinoma") != root("cancer"))
    }

    @Test func meaningfulEndingsStayApart() {
        #expect(Set(["nephritis", "nephrosis", "nephroma"].map(root)).count == 3)
        #expect(root("thrombus") != root("thrombosis"))
        #expect(root("hyperthyroidism") != root("hypothyroidism"))
        #expect(root("auricular") != root("ear"))          // the auricle, not the whole ear
    }

    @Test func representativesAndShortWordsAreLeftAlone() {
        #expect(root("kidney") == "kidney")
        #expect(root("abnormal") == "abnormal")
        #expect(root("cyst") == "cyst")
        #expect(root("face") == "face")
        #expect(root("colon") == "colon")
        #expect(root("covid19") == "covid19")
    }
}
