import Foundation
@testable import Ontology
import Testing
import TestSupport

@Suite("ICD-10-CM tabular importer")
struct ICD10CMImporterTests {
    static let excerpt = RepoFiles.ontologyFixture("icd10cm-tabular-excerpt.xml")
    /// The full CMS tabular file (e.g. `icd10cm-tabular-2026-April.xml`), when the environment names it.
    static let realFile: String? = ProcessInfo.processInfo.environment["DDX_ICD10CM_XML"].flatMap {
        FileManager.default.fileExists(atPath: $0) ? $0 : nil
    }

    private func load(_ path: String = excerpt) throws -> [String: Concept] {
        Dictionary(uniqueKeysWithValues: try ICD10CMImporter().read(path: path).concepts.map { ($0.id, $0) })
    }

    @Test("chapters, sections and diags become concepts in file order; version and title come from the file")
    func structure() throws {
        let document = try ICD10CMImporter().read(path: Self.excerpt)
        #expect(document.concepts.count == 26)
        #expect(document.concepts.prefix(4).map(\.id) == ["ICD10CM:chapter-10", "ICD10CM:J09-J18", "ICD10CM:J18",
                                                          "ICD10CM:J18.9"])
        #expect(document.source.format == .icd10cm)
        #expect(document.source.name == "ICD10CM")
        #expect(document.source.version == "2026")
        #expect(document.source.title == "ICD-10-CM TABULAR LIST of DISEASES and INJURIES")
    }

    @Test("the hierarchy: diag under diag, category under section, section under chapter")
    func hierarchy() throws {
        let concepts = try load()
        #expect(concepts["ICD10CM:R05.3"]!.parents == ["ICD10CM:R05"])
        #expect(concepts["ICD10CM:R05"]!.parents == ["ICD10CM:R00-R09"])
        #expect(concepts["ICD10CM:R00-R09"]!.parents == ["ICD10CM:chapter-18"])
        #expect(concepts["ICD10CM:chapter-18"]!.parents.isEmpty)
        #expect(concepts["ICD10CM:chapter-18"]!.label.hasPrefix("Symptoms, signs and abnormal clinical"))
    }

    @Test("a section named by a single code gets a range id, so it does not clash with the category")
    func singleCodeSection() throws {
        let concepts = try load()
        #expect(concepts["ICD10CM:R99-R99"]!.label == "Ill-defined and unknown cause of mortality (R99)")
        #expect(concepts["ICD10CM:R99"]!.parents == ["ICD10CM:R99-R99"])
    }

    @Test("inclusion terms are synonyms: NOS terms exact, others related; excludes and notes are not")
    func synonyms() throws {
        let concepts = try load()
        #expect(concepts["ICD10CM:R05.3"]!.synonyms == [Synonym("Persistent cough", scope: .related),
                                                        Synonym("Refractory cough", scope: .related),
                                                        Synonym("Unexplained cough", scope: .related)])
        #expect(concepts["ICD10CM:R50.9"]!.synonyms.map(\.text) == ["Fever NOS", "Hyperpyrexia NOS", "Pyrexia NOS"])
        #expect(concepts["ICD10CM:R50.9"]!.synonyms.allSatisfy { $0.scope == .exact })
        #expect(concepts["ICD10CM:R05"]!.synonyms.isEmpty)  // excludes1 notes
        #expect(concepts["ICD10CM:J18"]!.synonyms.isEmpty)  // codeAlso notes
        #expect(concepts.values.allSatisfy { $0.definition == nil && $0.xrefs.isEmpty && $0.relations.isEmpty })
    }

    @Test("types: R00–R69 symptom, R70–R99 finding, S injuries disease, Z none, chapters and sections none")
    func types() throws {
        let concepts = try load()
        #expect(concepts["ICD10CM:R05.3"]!.type == .symptom)
        #expect(concepts["ICD10CM:R50.9"]!.type == .symptom)
        #expect(concepts["ICD10CM:R70.0"]!.type == .finding)
        #expect(concepts["ICD10CM:R99"]!.type == .finding)
        #expect(concepts["ICD10CM:J18.9"]!.type == .disease)
        #expect(concepts["ICD10CM:S00.03"]!.type == .disease)
        #expect(concepts["ICD10CM:Z00.0"]!.type == nil)
        #expect(concepts["ICD10CM:R00-R09"]!.type == nil)
        #expect(concepts["ICD10CM:chapter-19"]!.type == nil)
        #expect(ICD10CMTypes.type(forCode: "U07.1") == .disease)
        #expect(ICD10CMTypes.type(forCode: "V00.01") == nil)
        #expect(ICD10CMTypes.type(forCode: "C7A.00") == .disease)
    }

    @Test("7th-character extensions are not expanded into codes")
    func extensionsNotExpanded() throws {
        let ids = Set(try load().keys)
        #expect(ids.contains("ICD10CM:S00.03"))
        #expect(!ids.contains { $0.hasSuffix("A") && $0.hasPrefix("ICD10CM:S00") })
    }

    @Test("elements in foreign namespaces are ignored, with everything inside them")
    func decoys() throws {
        let document = try ICD10CMImporter().read(path: RepoFiles.ontologyFixture("icd10cm-decoys.xml"))
        #expect(document.concepts.map(\.id) == ["ICD10CM:chapter-18", "ICD10CM:R00-R09", "ICD10CM:R05",
                                                "ICD10CM:R05.3"])
        #expect(document.concepts[2].label == "Cough")
        #expect(document.concepts[3].synonyms == [Synonym("Persistent cough", scope: .related)])
        #expect(document.source.version == "2026")
    }

    @Test("malformed XML, a diag without a name and a repeated code are errors naming the line")
    func errors() throws {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("bad.xml").path
            func check(_ text: String, line: Int, _ fragment: String? = nil) throws {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                let error = try #require(throws: OntologyError.self) { try ICD10CMImporter().read(path: path) }
                #expect(error.path == path)
                #expect(error.line == line)
                if let fragment { #expect(error.message.contains(fragment)) }
            }
            let head = "<ICD10CM.tabular>\n<chapter>\n<name>18</name>\n<desc>C</desc>\n<section id=\"R00-R09\">\n<desc>S</desc>\n"
            let tail = "</section>\n</chapter>\n</ICD10CM.tabular>\n"
            try check(head + "<diag>\n<name>R05</desc>\n</diag>\n" + tail, line: 8)
            try check(head + "<diag>\n<desc>Cough</desc>\n</diag>\n" + tail, line: 7, "name")
            try check(head + "<diag><name>R05</name><desc>A</desc></diag>\n<diag><name>R05</name><desc>B</desc></diag>\n" + tail,
                      line: 8, "R05")
            try check(head.replacingOccurrences(of: "<desc>S</desc>\n", with: "") + tail, line: 5, "desc")
            try check("<OtherRoot/>\n", line: 1, "ICD10CM.tabular")
        }
    }

    @Test("a DOCTYPE declaring an entity is refused (XXE)")
    func entityRefused() throws {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("xxe.xml").path
            let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE ICD10CM.tabular [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                + "<ICD10CM.tabular><chapter><name>1</name><desc>&xxe;</desc></chapter></ICD10CM.tabular>\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: OntologyError.self) { try ICD10CMImporter().read(path: path) }
            #expect(error.line != nil)
            #expect(error.message.contains("entit"))
        }
    }

    @Test("the full CMS file named by DDX_ICD10CM_XML: 46,881 diags, 22 chapters, 297 sections",
          .enabled(if: realFile != nil, "set DDX_ICD10CM_XML to the CMS tabular file"))
    func fullCMSFile() throws {
        let document = try ICD10CMImporter().read(path: try #require(Self.realFile))
        let chapters = document.concepts.filter { $0.id.hasPrefix("ICD10CM:chapter-") }
        let sections = document.concepts.filter { $0.id.contains("-") && !$0.id.hasPrefix("ICD10CM:chapter-") }
        #expect(chapters.count == 22)
        #expect(sections.count == 297)
        #expect(document.concepts.count - chapters.count - sections.count == 46_881)
        let byID = Dictionary(uniqueKeysWithValues: document.concepts.map { ($0.id, $0) })
        #expect(byID["ICD10CM:R05.3"]?.label == "Chronic cough")
        #expect(byID["ICD10CM:R05.3"]?.parents == ["ICD10CM:R05"])
        #expect(byID["ICD10CM:R05.3"]?.type == .symptom)
        #expect(byID["ICD10CM:R50.9"]?.synonyms.contains(Synonym("Fever NOS")) == true)
        #expect(document.concepts.allSatisfy { !$0.label.isEmpty })
        #expect(document.concepts.allSatisfy { $0.parents.allSatisfy { byID[$0] != nil } })
    }
}
