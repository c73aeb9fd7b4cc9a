import Foundation
import Testing
import TestSupport

@Suite("ddx link and ddx ontology")
struct LinkCommandTests {
    let fixture = RepoFiles.ontologyFixture("native-small.xml")

    @Test("text output ranks candidates with score and match kind")
    func textOutput() throws {
        let result = try DDx.run(["link", "Myocardial infarction (MI)", "--ontology", fixture])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.contains("1. testonto:myocardial-infarction  Myocardial infarction  [disease]  score 1 exact"))
    }

    @Test("an unlinked mention says so")
    func unlinked() throws {
        let result = try DDx.run(["link", "quantum chromodynamics", "--ontology", fixture])
        #expect(result.succeeded)
        #expect(result.out.contains("not linked: no concept scored ≥ 0.6"))
    }

    @Test("batch JSONL: one object per input line, in order, empty candidates when unlinked")
    func batchJSONL() throws {
        let input = "cough\nquantum chromodynamics\nHeart attack\n\"quoted\" <b>\n"
        let result = try DDx.run(["link", "--batch", "-", "--ontology", fixture, "--format", "jsonl"],
                                 stdin: Array(input.utf8))
        #expect(result.succeeded, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let objects = try lines.map { try Check.jsonObject(Array($0.utf8)) }
        #expect(objects.map { $0["mention"] as? String } == ["cough", "quantum chromodynamics", "Heart attack", "\"quoted\" <b>"])
        let first = try #require((objects[0]["candidates"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "testonto:cough")
        #expect(first["label"] as? String == "Cough")
        #expect(first["type"] as? String == "symptom")
        #expect(first["match"] as? String == "exact")
        #expect(first["score"] as? Double == 1)
        #expect(first["xrefs"] as? [String] == ["HP:0012735", "MESH:D003371"])
        #expect((objects[1]["candidates"] as? [Any])?.isEmpty == true)
        #expect(((objects[2]["candidates"] as? [[String: Any]])?.first?["match"] as? String) == "synonym")
    }

    @Test("ontology info --format json counts a full load")
    func infoJSON() throws {
        let result = try DDx.run(["ontology", "info", fixture, "--format", "json"])
        #expect(result.succeeded, "\(result.err)")
        let object = try Check.jsonObject(result.stdout)
        #expect(object["concepts"] as? Int == 17)
        #expect(object["synonyms"] as? Int == 15)
        #expect(object["relations"] as? Int == 8)
        #expect(object["xrefs"] as? Int == 2)
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.first?["name"] as? String == "testonto")
        #expect(sources.first?["format"] as? String == "ddx")
    }

    @Test("ontology lookup by id shows relations both ways")
    func lookup() throws {
        let result = try DDx.run(["ontology", "lookup", "testonto:cough", "--ontology", fixture])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.contains("testonto:cough  Cough  [symptom]"))
        #expect(result.out.contains("is a presentation of → testonto:pneumonia Pneumonia"))
        #expect(result.out.contains("is_a: testonto:respiratory-symptom Respiratory symptom"))
    }

    @Test("a bad ontology file is one line naming file and line, exit 1")
    func badOntology() throws {
        let bad = RepoFiles.ontologyFixture("native-bad-type.xml")
        let result = try DDx.run(["link", "cough", "--ontology", bad])
        #expect(result.exitCode == 1)
        #expect(result.errLines.count == 1)
        #expect(result.err.hasPrefix("ddx: error: \(bad):5: concept 'b': unknown type 'symptm'"))
    }

    @Test("XXE input is refused with exit 1")
    func xxe() throws {
        let result = try DDx.run(["ontology", "info", RepoFiles.ontologyFixture("xml-xxe.xml")])
        #expect(result.exitCode == 1)
        #expect(result.err.contains("DOCTYPE declares an external entity"))
        #expect(!result.out.contains("root:"))
    }

    @Test("validate: the shipped ontology passes schema and coherence checks; an incoherent file fails")
    func validate() throws {
        let shipped = RepoFiles.root.appendingPathComponent("Ontologies").path
        let ok = try DDx.run(["ontology", "validate", shipped])
        #expect(ok.succeeded, "\(ok.out)\(ok.err)")
        #expect(ok.out.contains("ddx-core.xml: valid"))
        let bad = try DDx.run(["ontology", "validate", RepoFiles.ontologyFixture("native-incoherent.xml")])
        #expect(bad.exitCode == 1)
        #expect(bad.out.contains("is_a incoherent:aspirin joins a symptom to a drug"))
        #expect(bad.errLines == ["ddx: error: 1 of 1 file failed validation"])
    }
}
