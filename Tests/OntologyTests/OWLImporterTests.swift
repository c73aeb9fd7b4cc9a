import Foundation
@testable import Ontology
import Testing
import TestSupport

@Suite("OWL RDF/XML importer")
struct OWLImporterTests {
    static let layout = RepoFiles.ontologyFixture("owl-obo-layout.owl")

    private func load(_ path: String = layout) throws -> OntologyDocument {
        try OWLImporter().read(path: path)
    }

    private func concepts(_ path: String = layout) throws -> [String: Concept] {
        Dictionary(uniqueKeysWithValues: try load(path).concepts.map { ($0.id, $0) })
    }

    @Test("classes in file order; properties, individuals, blank and unlabelled non-OBO classes are not concepts")
    func conceptIDs() throws {
        let document = try load()
        #expect(document.concepts.map(\.id) == [
            "HP:0012735", "DOID:0050012", "MAXO:0000004", "HP:0000001", "SYMP:0000614", "CHEBI:24431",
            "http://example.org/clinic#BedRest",
        ])
    }

    @Test("the ontology header gives name, version (from the version IRI), title and licence")
    func header() throws {
        let source = try load().source
        #expect(source.format == .owl)
        #expect(source.name == "ddx-test")
        #expect(source.version == "2026-03-01")
        #expect(source.title == "ddx OWL layout fixture")
        #expect(source.license == "https://creativecommons.org/publicdomain/zero/1.0/")
    }

    @Test("label (English preferred), definition (whitespace collapsed), type from the prefix")
    func coughBasics() throws {
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(cough.label == "Cough")
        #expect(cough.type == .finding)
        #expect(cough.definition == "Rapid expulsion of air from the lungs through a partially closed glottis.")
        #expect(cough.parents == ["HP:0002086"])
        #expect(cough.relations.isEmpty)
        #expect(!cough.isObsolete)
    }

    @Test("synonym types come from axioms before or after the class, joined on source, property and text")
    func synonymTypes() throws {
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(cough.synonyms == [Synonym("Coughing", scope: .exact, kind: "layperson"),
                                   Synonym("Tussis", scope: .related, kind: "abbreviation")])
    }

    @Test("xrefs: normalised dbxrefs and SKOS mappings; URLs, ORCIDs and axiom xrefs (PMIDs) do not leak")
    func xrefs() throws {
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(cough.xrefs == [
            Xref("UMLS:C0010200"), Xref("MESH:D003371"),
            Xref("SNOMEDCT:49727002", match: .exact), Xref("SYMP:0000614", match: .related),
            Xref("MESH:D003371", match: .narrow),
        ])
        let all = try load().concepts.flatMap { $0.xrefs.map(\.code) }
        #expect(!all.contains { $0.hasPrefix("PMID") || $0.hasPrefix("ORCID") || $0.hasPrefix("URL") })
    }

    @Test("elements with a look-alike local name in another namespace are ignored")
    func decoys() throws {
        let document = try load()
        let texts = document.concepts.flatMap { [$0.label] + $0.synonyms.map(\.text) }
        #expect(!texts.contains { $0.contains("Decoy") || $0.contains("individual") || $0.contains("anonymous") })
    }

    @Test("restrictions under subClassOf and in an equivalentClass intersection become curated relations")
    func restrictions() throws {
        let chik = try #require(try concepts()["DOID:0050012"])
        #expect(chik.type == .disease)
        #expect(chik.parents == ["DOID:934"])
        let curated = chik.relations.filter { $0.evidence == "curated" }
        #expect(curated == [
            ConceptRelation(.locatedIn, target: "UBERON:0000982", evidence: "curated"),
            ConceptRelation(.presentsWith, target: "SYMP:0000613", evidence: "curated"),
            ConceptRelation(.transmittedBy, target: "NCBITAXON:7159", evidence: "curated"),
        ])
        #expect(chik.xrefs == [Xref("GARD:6038"), Xref("MESH:D065632", match: .exact),
                               Xref("ICD10CM:A92.0", match: .related)])
    }

    @Test("nested fillers relate to their named head; unknown properties keep their CURIE")
    func nestedRestrictions() throws {
        let maxo = try #require(try concepts()["MAXO:0000004"])
        #expect(maxo.type == .procedure)
        #expect(maxo.parents == ["MAXO:0000001"])
        #expect(maxo.relations == [
            ConceptRelation(.hasInput, target: "UBERON:0000467", evidence: "curated"),
            ConceptRelation(.therapeuticUse, target: "CHEBI:24431", evidence: "curated"),
            ConceptRelation(RelationKind(rawValue: "RO:0000052"), target: "UBERON:0001004", evidence: "curated"),
        ])
    }

    @Test("Disease Ontology definition phrases become derived relations to label: targets")
    func definitionPhrases() throws {
        let chik = try #require(try concepts()["DOID:0050012"])
        let derived = chik.relations.filter { $0.evidence == "derived" }
        #expect(derived.allSatisfy { $0.source == "definition" })
        #expect(derived.map { "\($0.kind.rawValue) \($0.target)" } == [
            "results_in label:infection", "located_in label:joint",
            "has_material_basis_in label:Chikungunya virus", "transmitted_by label:Aedes mosquito bite",
            "presents_with label:fever", "presents_with label:arthralgia",
            "presents_with label:maculopapular rash",
        ])
        // Only DO definitions are mined.
        let cough = try #require(try concepts()["HP:0012735"])
        #expect(!cough.relations.contains { $0.evidence == "derived" })
    }

    @Test("deprecated classes are flagged with their replacement and consider targets")
    func obsolete() throws {
        let old = try #require(try concepts()["HP:0000001"])
        #expect(old.isObsolete)
        #expect(old.replacedBy == ["HP:0012735", "HP:0002086"])
    }

    @Test("rdf:Description typed owl:Class, declaration-only classes and labelled non-OBO IRIs")
    func otherClassShapes() throws {
        let all = try concepts()
        let symp = try #require(all["SYMP:0000614"])
        #expect(symp.label == "cough")
        #expect(symp.type == .symptom)
        #expect(symp.parents == ["SYMP:0000461"])
        let chebi = try #require(all["CHEBI:24431"])
        #expect(chebi.label.isEmpty)
        #expect(chebi.type == .drug)
        let bedRest = try #require(all["http://example.org/clinic#BedRest"])
        #expect(bedRest.label == "bed rest")
        #expect(bedRest.type == nil)
    }

    @Test("matching is by namespace URI: renamed prefixes work and a misleading rdfs: prefix is ignored")
    func prefixRenamed() throws {
        let document = try load(RepoFiles.ontologyFixture("owl-prefix-renamed.owl"))
        #expect(document.source.version == "7.1")
        #expect(document.source.name == "renamed")
        #expect(document.concepts.map(\.id) == ["SYMP:0000613"])
        let fever = try #require(document.concepts.first)
        #expect(fever.label == "fever")
        #expect(fever.parents == ["SYMP:0000001"])
        #expect(fever.synonyms == [Synonym("pyrexia")])
        #expect(fever.xrefs == [Xref("UMLS:C0015967")])
        #expect(fever.definition == "A body temperature above normal.")
    }

    @Test("fastobo's default-xmlns layout reads the same, axiom targets given as attributes")
    func fastobo() throws {
        let document = try load(RepoFiles.ontologyFixture("owl-fastobo.owl"))
        #expect(document.source.name == "hp")
        #expect(document.source.version == "2026-02-16")
        #expect(document.concepts.map(\.id) == ["HP:0000001", "HP:0012735"])
        let old = document.concepts[0], cough = document.concepts[1]
        #expect(old.isObsolete && old.replacedBy == ["HP:0012735"] && old.label == "Old")
        #expect(cough.synonyms == [Synonym("Coughing", kind: "layperson")])
        #expect(cough.xrefs == [Xref("UMLS:C0010200")])
        #expect(cough.parents == ["HP:0002086"])
        #expect(cough.relations == [ConceptRelation(.partOf, target: "UBERON:0001004", evidence: "curated")])
        #expect(cough.definition == "Rapid expulsion of air from the lungs.")
    }

    @Test("a gzip-compressed copy is read directly and gives the same concepts")
    func gzip() throws {
        let plain = try load()
        try ScratchDirectory.with { dir in
            let gz = dir.appendingPathComponent("layout.owl.gz").path
            try Gzip.compress(Self.layout, to: gz)
            let compressed = try load(gz)
            #expect(compressed.concepts == plain.concepts)
            #expect(compressed.source.version == plain.source.version)
            let viaLoader = try OntologyLoader().load(file: gz)
            #expect(viaLoader.source.format == .owl)
            #expect(viaLoader.concepts.count == plain.concepts.count)
        }
    }

    @Test("an RDF file without classes is an empty document")
    func emptyDocument() throws {
        let document = try load(RepoFiles.ontologyFixture("owl-empty.owl"))
        #expect(document.concepts.isEmpty)
        #expect(document.source.version == "1.0")
        #expect(document.source.name == "empty")
    }

    @Test("a non-RDF root is an error naming the file and line")
    func notRDF() throws {
        let path = RepoFiles.ontologyFixture("owl-not-rdf.owl")
        let error = try #require(throws: OntologyError.self) { try load(path) }
        #expect(error.path == path)
        #expect(error.line == 3)
        #expect(error.message.contains("rdf:RDF"))
    }

    @Test("malformed XML is a one-line error at the offending line")
    func malformed() throws {
        let error = try #require(throws: OntologyError.self) {
            try load(RepoFiles.ontologyFixture("owl-malformed.owl"))
        }
        #expect(error.line == 8)
        #expect(!error.description.contains("\n"))
    }

    @Test("the loader routes .owl files here")
    func loaderDispatch() throws {
        let document = try OntologyLoader().load(file: Self.layout)
        #expect(document.source.format == .owl)
        #expect(document.concepts.count == 7)
    }
}

@Suite("Disease Ontology definition phrases")
struct DiseaseOntologyDefinitionMinerTests {
    private func mined(_ text: String) -> [String] {
        DiseaseOntologyDefinitionMiner.relations(in: text).map { "\($0.kind.rawValue) \($0.target)" }
    }

    @Test("markers written with spaces, lists ending in 'and', duplicates dropped")
    func spacedMarkers() {
        let text = "An ehrlichiosis that results in infection located in granular leukocyte, has_material_basis_in "
            + "Anaplasma phagocytophilum, which is transmitted by lone star tick (Amblyomma americanum). The infection "
            + "has symptom headache, has symptom fever, has symptom fever and has symptom rash."
        #expect(mined(text) == [
            "results_in label:infection", "located_in label:granular leukocyte",
            "has_material_basis_in label:Anaplasma phagocytophilum", "transmitted_by label:lone star tick",
            "presents_with label:headache", "presents_with label:fever", "presents_with label:rash",
        ])
    }

    @Test("articles are dropped; 'or' and 'that' end a phrase; overlong phrases are not labels")
    func phraseEnds() {
        #expect(mined("A respiratory system cancer that is located_in the lung.") == ["located_in label:lung"])
        #expect(mined("A relapsing fever that has_material_basis_in Borrelia hermsii or has_material_basis_in "
                      + "Borrelia parkeri, which are transmitted_by soft ticks.")
                == ["has_material_basis_in label:Borrelia hermsii", "has_material_basis_in label:Borrelia parkeri",
                    "transmitted_by label:soft ticks"])
        #expect(mined("A carcinoma that has_material_basis_in squamous cells that line the moist surfaces.")
                == ["has_material_basis_in label:squamous cells"])
        #expect(mined("A vesiculitis with inflammation located_in the seminal vesicles caused by Neisseria gonorrhoeae.")
                == ["located_in label:seminal vesicles"])
        #expect(mined("A disease that results_in reduction in the numbers of CD4-bearing helper T cells below 200 "
                      + "per microliter of blood.").isEmpty)
    }

    @Test("an abbreviated genus is not a sentence end; another relation word ends the phrase")
    func abbreviationsAndRelationWords() {
        #expect(mined("An infection that has_material_basis_in E. coli. The infection has_symptom diarrhea.")
                == ["has_material_basis_in label:E. coli", "presents_with label:diarrhea"])
        #expect(mined("A cancer that has_material_basis_in neural crest cells derives_from neuroectoderm.")
                == ["has_material_basis_in label:neural crest cells"])
        #expect(mined("A disease with no controlled phrasing.").isEmpty)
    }

    @Test("only DOID ids are mined")
    func appliesToDOID() {
        #expect(DiseaseOntologyDefinitionMiner.applies(to: "DOID:0050012"))
        #expect(!DiseaseOntologyDefinitionMiner.applies(to: "HP:0012735"))
    }
}
