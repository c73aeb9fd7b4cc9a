import Testing
@testable import Ontology

@Suite("Term normalisation")
struct TermNormalizerTests {
    @Test(arguments: [
        ("Dyspnoea", "Dyspnea"),
        ("Haemorrhage", "hemorrhage"),
        ("Anaemia", "anemia"),
        ("Oedema", "Edema"),
        ("Oesophageal varices", "esophageal varix"),
        ("Tumours", "tumor"),
        ("Paediatric asthma", "pediatric asthma"),
        ("Beta-blockers", "beta blocker"),
        ("Kidney stones", "kidney stone"),
        ("Pulmonary emboli", "pulmonary embolus"),
        ("Fever NOS", "fever"),
        ("Pain in chest", "chest pain"),
        ("Fetal distress", "Foetal distress"),
        ("Ischaemic heart disease", "ischemic heart diseases"),
        ("Branchial fistulae", "branchial fistula"),
        ("Basal cell naevi", "basal cell nevus"),
        ("Lipomata", "lipoma"),
        ("Vertebrae", "vertebra"),
        ("Pre-auricular pits", "preauricular pit"),
        ("Non hereditary retinoblastoma", "nonhereditary retinoblastoma"),
    ])
    func equivalentSpellingsShareABagKey(_ a: String, _ b: String) {
        #expect(TermNormalizer.bagKey(a) == TermNormalizer.bagKey(b))
    }

    @Test func keepsWordsThatOnlyLookPlural() {
        #expect(TermNormalizer.tokens("Diabetes mellitus") == ["diabetes", "mellitus"])
        #expect(TermNormalizer.tokens("stenosis") == ["stenosis"])
        #expect(TermNormalizer.tokens("abscess") == ["abscess"])
        #expect(TermNormalizer.tokens("Aerobic") == ["aerobic"])
    }

    @Test func foldsCaseAccentsAndPunctuation() {
        #expect(TermNormalizer.key("Ménière's  disease!") == "meniere disease")
        #expect(TermNormalizer.key("  ") == "")
    }

    @Test func wordOrderIsIgnoredOnlyByTheBagKey() {
        #expect(TermNormalizer.key("Pain, chest") != TermNormalizer.key("chest pain"))
        #expect(TermNormalizer.bagKey("Pain, chest") == TermNormalizer.bagKey("chest pain"))
    }

    @Test func joinsBoundPrefixesOnly() {
        #expect(TermNormalizer.tokens("pre-auricular") == ["preauricular"])
        #expect(TermNormalizer.tokens("T-cell lymphoma") == ["t", "cell", "lymphoma"])
        #expect(TermNormalizer.tokens("non-small cell") == ["nonsmall", "cell"])
        #expect(TermNormalizer.tokens("hypo") == ["hypo"])
        #expect(TermNormalizer.tokens("pre-2020") == ["pre", "2020"])
    }

    @Test func latinPluralsFoldButSingularsStay() {
        #expect(TermNormalizer.tokens("nevi emboli calculi") == ["nevus", "embolus", "calculus"])
        #expect(TermNormalizer.tokens("bullae striae") == ["bulla", "stria"])
        #expect(TermNormalizer.tokens("fistula nevus multi") == ["fistula", "nevus", "multi"])
    }
}
