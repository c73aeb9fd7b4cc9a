import Foundation
import Testing
import TestSupport
@testable import Ontology

/// The ontology files shipped in `Ontologies/`: schema-valid, coherent, and loadable.
@Suite("Shipped ontology")
struct ShippedOntologyTests {
    static let directory = RepoFiles.root.appendingPathComponent("Ontologies").path
    static let schema = directory + "/ddx-ontology.rng"

    static var shippedFiles: [String] {
        (try? OntologyLoader().files(at: directory)) ?? []
    }

    @Test func thereIsAShippedOntology() {
        #expect(Self.shippedFiles.contains(Self.directory + "/ddx-core.xml"))
    }

    @Test(arguments: shippedFiles)
    func validatesAgainstTheSchema(_ file: String) throws {
        let problems = try SchemaValidator(schema: Self.schema).validate(file: file)
        #expect(problems.isEmpty, "\(problems.prefix(5).map(\.description))")
    }

    @Test(arguments: shippedFiles)
    func isCoherentAndLicensed(_ file: String) throws {
        let document = try OntologyLoader().load(file: file)
        #expect(OntologyLinter().problems(in: document).isEmpty)
        #expect(document.source.license == "CC0-1.0")
        #expect(document.concepts.count >= 300)
        #expect(document.concepts.reduce(0) { $0 + $1.relations.count } >= 300)
    }

    @Test func schemaRejectsTyposAndForeignPrefixes() throws {
        let validator = try SchemaValidator(schema: Self.schema)
        // The loader accepts MSH: (normalising it) and skips foreign elements; the schema for shipped files does not.
        let problems = try validator.validate(file: RepoFiles.ontologyFixture("native-small.xml"))
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.line != nil })
    }

    @Test func coversTheSeedPresentations() throws {
        let index = OntologyIndex(documents: [try OntologyLoader().load(file: Self.directory + "/ddx-core.xml")])
        for term in ["cough", "fever", "dyspnoea", "chest pain", "headache", "abdominal pain", "back pain", "syncope",
                     "fatigue", "atrial fibrillation", "type 2 diabetes", "hypertension", "COPD", "asthma", "pneumonia",
                     "tuberculosis", "COVID-19", "bacterial meningitis", "viral meningitis", "myocardial infarction",
                     "pulmonary embolism", "guaifenesin", "expectorant"] {
            let best = index.matcher.candidates(for: term, limit: 1).first
            #expect(best?.score ?? 0 >= 0.9, "\(term)")
        }
    }

    /// Every HP code in the shipped ontology exists (not obsolete) in the HPO release the file cites,
    /// when that release is available (`DDX_HPO_OBO`, or the local vocabulary folder).
    @Test(.enabled(if: hpoPath != nil)) func hpCodesExistInHPO() throws {
        let hpo = try OntologyLoader().load(file: Self.hpoPath!)
        let live = Set(hpo.concepts.filter { !$0.isObsolete }.map(\.id))
        let shipped = try OntologyLoader().load(file: Self.directory + "/ddx-core.xml")
        let codes = shipped.concepts.flatMap(\.xrefs).map(\.code).filter { $0.hasPrefix("HP:") }
        #expect(!codes.isEmpty)
        #expect(codes.filter { !live.contains($0) }.isEmpty)
    }

    static var hpoPath: String? {
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["DDX_HPO_OBO"], (env["HOME"] ?? "") + "/.local/share/ddx/vocabularies/hp-2026-02-16.obo"]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }
}
