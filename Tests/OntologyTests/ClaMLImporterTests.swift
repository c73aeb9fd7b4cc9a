import Foundation
@testable import Ontology
import Testing
import TestSupport

@Suite("ClaML importer")
struct ClaMLImporterTests {
    static let who = RepoFiles.ontologyFixture("claml-icd10-who-excerpt.xml")

    private func load(_ path: String = who) throws -> [String: Concept] {
        Dictionary(uniqueKeysWithValues: try ClaMLImporter().read(path: path).concepts.map { ($0.id, $0) })
    }

    private func write(_ text: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("c.xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("WHO ICD-10: prefix ICD10, title and version from <Title>, classes in file order, modifiers skipped")
    func whoSource() throws {
        let document = try ClaMLImporter().read(path: Self.who)
        #expect(document.source.format == .claml)
        #expect(document.source.name == "ICD10")
        #expect(document.source.version == "2019")
        #expect(document.source.title == "International Statistical Classification of Diseases and Related Health Problems 10th Revision")
        #expect(document.concepts.count == 18)
        #expect(document.concepts.prefix(3).map(\.id) == ["ICD10:III", "ICD10:D50-D53", "ICD10:D51"])
        #expect(!document.concepts.contains { $0.label == "Acute intoxication" })  // ModifierClass
    }

    @Test("mixed-content labels are concatenated: Term, Fragment and Para text kept, whitespace collapsed")
    func mixedContent() throws {
        let concepts = try load()
        #expect(concepts["ICD10:D51"]!.label == "Vitamin B12 deficiency anaemia")
        #expect(concepts["ICD10:F32"]!.definition
                == "Lowered mood, reduced energy and decreased activity, lasting at least two weeks. Sleep and appetite are often disturbed.")
    }

    @Test("rubrics: preferredLong and inclusions are synonyms, exclusions, notes and coding hints are not")
    func rubrics() throws {
        let concepts = try load()
        #expect(concepts["ICD10:R50.9"]!.label == "Fever, unspecified")
        #expect(concepts["ICD10:R50.9"]!.synonyms == [Synonym("Fever of unspecified origin"), Synonym("Hyperpyrexia NOS"),
                                                      Synonym("Pyrexia NOS"), Synonym("Persistent fever", scope: .related)])
        #expect(concepts["ICD10:R05"]!.synonyms.isEmpty)
        #expect(concepts["ICD10:D51"]!.synonyms.isEmpty)
        #expect(concepts["ICD10:F32"]!.synonyms.isEmpty)
        #expect(concepts["ICD10:XVIII"]!.definition == nil)
    }

    @Test("SuperClass gives the parents: category → block → chapter")
    func hierarchy() throws {
        let concepts = try load()
        #expect(concepts["ICD10:R50.9"]!.parents == ["ICD10:R50"])
        #expect(concepts["ICD10:R50"]!.parents == ["ICD10:R50-R69"])
        #expect(concepts["ICD10:R50-R69"]!.parents == ["ICD10:XVIII"])
        #expect(concepts["ICD10:XVIII"]!.parents.isEmpty)
    }

    @Test("types: R00–R69 symptom, R70–R99 finding, other categories disease, chapters and blocks none")
    func types() throws {
        let concepts = try load()
        #expect(concepts["ICD10:R05"]!.type == .symptom)
        #expect(concepts["ICD10:R50.9"]!.type == .symptom)
        #expect(concepts["ICD10:R70"]!.type == .finding)
        #expect(concepts["ICD10:J18.9"]!.type == .disease)
        #expect(concepts["ICD10:F32"]!.type == .disease)
        #expect(concepts["ICD10:XVIII"]!.type == nil)
        #expect(concepts["ICD10:R00-R09"]!.type == nil)
    }

    @Test("ICD-10-GM: prefix ICD10GM, German labels, o.n.A. inclusions exact, missing superclass dropped")
    func germanModification() throws {
        let document = try ClaMLImporter().read(path: RepoFiles.ontologyFixture("claml-icd10gm-excerpt.xml"))
        #expect(document.source.name == "ICD10GM")
        #expect(document.source.version == "2025")
        let byID = Dictionary(uniqueKeysWithValues: document.concepts.map { ($0.id, $0) })
        #expect(byID["ICD10GM:R05"]?.label == "Husten")
        #expect(byID["ICD10GM:R05"]?.type == .symptom)
        #expect(byID["ICD10GM:R50.9"]?.label == "Fieber, nicht näher bezeichnet")
        #expect(byID["ICD10GM:R50.9"]?.synonyms == [Synonym("Hyperpyrexie o.n.A.")])
        #expect(byID["ICD10GM:R50.9"]?.parents == [])  // R50 is not in the file
    }

    @Test("CURIE prefixes from Title@name")
    func prefixes() {
        func prefix(_ name: String?) -> String { ClaMLTitle(name: name).prefix }
        #expect(prefix("ICD-10") == "ICD10")
        #expect(prefix("ICD-10 2019") == "ICD10")
        #expect(prefix("ICD-10-WHO") == "ICD10")
        #expect(prefix("ICD-10-GM") == "ICD10GM")
        #expect(prefix("ICD10GM") == "ICD10GM")
        #expect(prefix("ICD-10-CM") == "ICD10CM")
        #expect(prefix("CIM-10") == "CIM10")
        #expect(prefix("ICD-O-3") == "ICDO3")
        #expect(prefix("OPS") == "OPS")
        #expect(prefix(nil) == "CLAML")
        #expect(ClaMLTitle(name: "CIM-10").isICD10Family)
        #expect(!ClaMLTitle(name: "OPS").isICD10Family)
    }

    @Test("a classification outside the ICD-10 family gets no types")
    func otherClassification() throws {
        try ScratchDirectory.with { dir in
            let path = try write("""
                <ClaML version="2.0.0"><Title name="OPS" version="2025">Operationen- und Prozedurenschlüssel</Title>
                <Class code="5-01" kind="category"><Rubric kind="preferred"><Label xml:lang="de">Inzision</Label></Rubric></Class>
                </ClaML>
                """, in: dir)
            let document = try ClaMLImporter().read(path: path)
            #expect(document.source.name == "OPS")
            #expect(document.concepts.map(\.id) == ["OPS:5-01"])
            #expect(document.concepts[0].type == nil)
        }
    }

    @Test("elements in foreign namespaces are ignored, inside labels too")
    func decoys() throws {
        let document = try ClaMLImporter().read(path: RepoFiles.ontologyFixture("claml-decoys.xml"))
        #expect(document.source.version == "2019")
        #expect(document.concepts.count == 1)
        let cough = try #require(document.concepts.first)
        #expect(cough.id == "ICD10:R05")
        #expect(cough.label == "Cough")
        #expect(cough.parents.isEmpty)
        #expect(cough.synonyms == [Synonym("Cough NOS")])
    }

    @Test("malformed XML, a class without code or label, a repeated class and an entity are errors naming the line")
    func errors() throws {
        try ScratchDirectory.with { dir in
            func check(_ text: String, line: Int?, _ fragment: String? = nil) throws {
                let path = try write(text, in: dir)
                let error = try #require(throws: OntologyError.self) { try ClaMLImporter().read(path: path) }
                #expect(error.path == path)
                if let line { #expect(error.line == line) } else { #expect(error.line != nil) }
                if let fragment { #expect(error.message.contains(fragment)) }
            }
            let label = "<Rubric kind=\"preferred\"><Label>X</Label></Rubric>"
            try check("<ClaML>\n<Class code=\"A\" kind=\"chapter\">\n<Rubric kind=\"preferred\"><Label>X</Rubric>\n</Class>\n</ClaML>\n",
                      line: 3)
            try check("<ClaML>\n<Class kind=\"chapter\">\(label)</Class>\n</ClaML>\n", line: 2, "code")
            try check("<ClaML>\n<Class code=\"A\" kind=\"chapter\">\n</Class>\n</ClaML>\n", line: 2, "preferred")
            try check("<ClaML>\n<Class code=\"A\">\(label)</Class>\n<Class code=\"A\">\(label)</Class>\n</ClaML>\n",
                      line: 3, "A")
            try check("<?xml version=\"1.0\"?>\n<!DOCTYPE ClaML [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                      + "<ClaML><Class code=\"A\"><Rubric kind=\"preferred\"><Label>&xxe;</Label></Rubric></Class></ClaML>\n",
                      line: nil, "entit")  // XXE
        }
    }

    @Test("OntologyLoader detects ClaML and dispatches here")
    func loaderDispatch() throws {
        #expect(try OntologyLoader().load(file: Self.who).source.format == .claml)
    }
}
