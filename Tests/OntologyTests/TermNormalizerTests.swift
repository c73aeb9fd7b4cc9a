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
}
