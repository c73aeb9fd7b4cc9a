import Testing
import TestSupport
@testable import Ontology

@Suite("ddx ontology format")
struct NativeImporterTests {
    let document: OntologyDocument

    init() throws {
        document = try OntologyLoader().load(file: RepoFiles.ontologyFixture("native-small.xml"))
    }

    @Test func readsSourceMetadata() {
        #expect(document.source.format == .ddx)
        #expect(document.source.name == "testonto")
        #expect(document.source.version == "2026.1")
        #expect(document.source.title == "Test ontology")
        #expect(document.source.license == "CC0-1.0")
        #expect(document.concepts.count == 17)
    }

    @Test func readsAConceptCompletely() throws {
        let cough = try #require(document.concepts.first { $0.id == "testonto:cough" })
        #expect(cough.label == "Cough")
        #expect(cough.type == .symptom)
        #expect(cough.synonyms == [Synonym("coughing"), Synonym("hacking cough", scope: .related, kind: "layperson")])
        #expect(cough.definition == "Sudden expulsion of air from the lungs.")
        #expect(cough.xrefs == [Xref("HP:0012735", match: .exact), Xref("MESH:D003371", match: .exact)])
        #expect(cough.parents == ["testonto:respiratory-symptom"])
    }

    @Test func readsRelationsWithAttributes() throws {
        let pneumonia = try #require(document.concepts.first { $0.id == "testonto:pneumonia" })
        #expect(pneumonia.relations.map(\.kind) == [.presentsWith, .presentsWith, .diagnosedBy])
        #expect(pneumonia.relations[0].target == "testonto:cough")
        #expect(pneumonia.relations[0].frequency == "frequent")
        #expect(pneumonia.relations[0].evidence == "curated")
    }

    @Test func unknownTypeNamesFileLineAndValue() {
        let path = RepoFiles.ontologyFixture("native-bad-type.xml")
        #expect {
            _ = try OntologyLoader().load(file: path)
        } throws: { error in
            let e = error as? OntologyError
            return e?.line == 5 && e?.description.contains("unknown type 'symptm'") == true
                && e?.description.hasPrefix(path + ":5:") == true
        }
    }

    @Test func danglingReferenceIsAnError() {
        #expect {
            _ = try OntologyLoader().load(file: RepoFiles.ontologyFixture("native-dangling.xml"))
        } throws: { error in
            (error as? OntologyError)?.message.contains("refers to 'bad:nowhere'") == true
                && (error as? OntologyError)?.line == 5
        }
    }

    @Test func wrongNamespaceIsNotRecognised() {
        #expect {
            _ = try OntologyLoader().load(file: RepoFiles.ontologyFixture("native-wrong-namespace.xml"))
        } throws: { error in
            (error as? OntologyError)?.message.contains("unrecognised root element <ontology> in namespace urn:x-other:ontology:1") == true
        }
    }

    @Test func linterReportsIncoherentTypes() throws {
        let doc = try OntologyLoader().load(file: RepoFiles.ontologyFixture("native-incoherent.xml"))
        let problems = OntologyLinter().problems(in: doc)
        #expect(problems.contains("incoherent:cough: is_a incoherent:aspirin joins a symptom to a drug"))
        #expect(problems.contains("incoherent:aspirin: presents_with cannot start at a drug"))
        #expect(OntologyLinter().problems(in: document).isEmpty)
    }

    @Test func directoryLoadingPicksOntologyFilesInNameOrder() throws {
        let dir = RepoFiles.root.appendingPathComponent("Tests/OntologyTests/Fixtures").path
        let files = try OntologyLoader().files(at: dir)
        #expect(files.contains(dir + "/native-small.xml"))
        #expect(files == files.sorted())
    }

    @Test func missingFileIsOneLineError() {
        #expect {
            _ = try OntologyLoader().load(file: "/nonexistent/x.xml")
        } throws: { error in
            (error as? OntologyError)?.description == "/nonexistent/x.xml: no such file"
        }
    }
}
