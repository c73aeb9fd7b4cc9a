import Foundation
import Testing
import TestSupport
@testable import Ontology

@Suite("Secure XML reading")
struct XMLSecurityTests {
    private func loadError(_ fixture: String) -> OntologyError? {
        do {
            _ = try OntologyLoader().load(file: RepoFiles.ontologyFixture(fixture))
            return nil
        } catch {
            return error as? OntologyError
        }
    }

    @Test func externalEntityIsRefusedNotExpanded() throws {
        let error = try #require(loadError("xml-xxe.xml"))
        #expect(error.message.contains("external entity 'xxe'"))
        #expect(!error.description.contains("root:"))
    }

    @Test func billionLaughsFailsFastWithClearError() throws {
        let clock = ContinuousClock()
        var error: OntologyError?
        let elapsed = clock.measure { error = loadError("xml-billion-laughs.xml") }
        let e = try #require(error)
        #expect(e.message.lowercased().contains("entit"))
        #expect(elapsed < .seconds(5 * Sanitizer.timeFactor))
    }

    @Test func externalParameterEntityIsRefused() throws {
        let error = try #require(loadError("xml-external-parameter-entity.xml"))
        #expect(error.message.contains("entit"))
    }

    @Test func externalDTDIsNeverFetched() throws {
        // The DOCTYPE names an unreachable URL; the file still loads because DTDs are never loaded.
        let doc = try OntologyLoader().load(file: RepoFiles.ontologyFixture("xml-external-dtd.xml"))
        #expect(doc.concepts.map(\.id) == ["extdtd:a"])
    }

    @Test func malformedXMLNamesTheLine() throws {
        let error = try #require(loadError("xml-malformed.xml"))
        #expect(error.line == 6)
        #expect(error.description.hasPrefix(RepoFiles.ontologyFixture("xml-malformed.xml") + ":6:"))
        #expect(!error.description.contains("\n"))
    }

    /// Loads `xml` written to a scratch file; returns the error, or nil when it loaded.
    private func loadError(text xml: [UInt8]) throws -> OntologyError? {
        try ScratchDirectory.with { dir in
            let path = dir.appendingPathComponent("input.xml").path
            try Data(xml).write(to: URL(fileURLWithPath: path))
            do {
                _ = try OntologyLoader().load(file: path, format: .ddx)
                return nil
            } catch let error as OntologyError {
                #expect(error.description.hasPrefix(path + ":"), "\(error)")
                #expect(!error.description.contains("\n"))
                return error
            }
        }
    }

    @Test func httpExternalEntityIsRefused() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE ontology [ <!ENTITY remote SYSTEM "http://127.0.0.1:9/secret"> ]>
            <ontology xmlns="urn:x-ddx:ontology:1" id="t" version="1"><meta><title>&remote;</title></meta></ontology>
            """
        let error = try #require(try loadError(text: Array(xml.utf8)))
        #expect(error.message.contains("external entity 'remote'"), "\(error)")
    }

    @Test func deeplyNestedElementsFailWithTheLine() throws {
        let depth = 100_000
        var xml = Array("<?xml version=\"1.0\"?>\n<ontology xmlns=\"urn:x-ddx:ontology:1\" xmlns:x=\"urn:x\" id=\"t\" version=\"1\">\n".utf8)
        for _ in 0..<depth { xml += Array("<x:a>".utf8) }
        for _ in 0..<depth { xml += Array("</x:a>".utf8) }
        xml += Array("\n</ontology>\n".utf8)
        let error = try #require(try loadError(text: xml))
        #expect(error.line == 3, "\(error)")
        #expect(error.message.lowercased().contains("depth"), "\(error)")
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ontology xmlns=\"urn:x-ddx:ontology:1\" id=\"t\" version=\"1\">\n".utf8)
        xml += Array("<meta><title>T</title><license>x</license></meta>\n<concept id=\"a\" type=\"symptom\"><label>".utf8)
        xml += [0xC3, 0x28, 0xFF]
        xml += Array("</label></concept></ontology>\n".utf8)
        let error = try #require(try loadError(text: xml))
        #expect(error.line == 4, "\(error)")
        #expect(error.message.contains("UTF-8"), "\(error)")
    }

    @Test func gzipIsReadDirectly() throws {
        try ScratchDirectory.with { dir in
            let plain = RepoFiles.ontologyFixture("native-small.xml")
            let gz = dir.appendingPathComponent("native-small.xml.gz").path
            try Gzip.compress(plain, to: gz)
            let doc = try OntologyLoader().load(file: gz)
            #expect(doc.concepts.count == 17)
            #expect(try CompressedFile.readAll(gz) == RepoFiles.bytes(plain))
        }
    }

    @Test("a gzip file of two members (bgzip, joined files) is a clear error, not a misleading UTF-8 one")
    func multiMemberGzipIsNamed() throws {
        try ScratchDirectory.with { dir in
            let gz = dir.appendingPathComponent("native-small.xml.gz").path
            try Gzip.compressInTwoMembers(RepoFiles.ontologyFixture("native-small.xml"), to: gz)
            let error = try #require(throws: OntologyError.self) { try OntologyLoader().load(file: gz) }
            #expect(error.message.contains("several members"), "\(error)")
            #expect(error.message.contains("gzip -dc FILE | gzip > NEW.gz"), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }
}

@Suite("Entity declarations")
struct EntityPolicyTests {
    @Test func protegeNamespaceShorthandsAreExpanded() throws {
        let doc = try OntologyLoader().load(file: RepoFiles.ontologyFixture("xml-protege-entities.owl"))
        let cough = try #require(doc.concepts.first)
        #expect(cough.id == "HP:0012735")
        #expect(cough.label == "Cough")
        #expect(cough.parents == ["HP:0002795"])
    }

    @Test(arguments: [
        ("<!DOCTYPE r [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]><r/>", "external entity 'x'"),
        ("<!DOCTYPE r [ <!ENTITY x PUBLIC \"-//x\" \"http://e.invalid/x\"> ]><r/>", "external entity 'x'"),
        ("<!DOCTYPE r [ <!ENTITY % p \"x\"> ]><r/>", "parameter entity"),
        ("<!DOCTYPE r [ <!ENTITY a \"x\"> <!ENTITY b \"&a;&a;\"> ]><r/>", "in terms of another entity"),
        ("<!DOCTYPE r [ <!ENTITY a \"\(String(repeating: "x", count: 3000))\"> ]><r/>", "longer than 2048"),
    ])
    func dangerousDeclarationsAreRefusedBeforeParsing(_ xml: String, _ reason: String) {
        #expect {
            _ = try DTDEntityPolicy.check(bytes: Array(xml.utf8), path: "t.xml")
        } throws: { error in
            (error as? OntologyError)?.message.contains(reason) == true
        }
    }

    @Test func noDoctypeOrNoEntities() throws {
        #expect(try DTDEntityPolicy.check(bytes: Array("<r/>".utf8), path: "t") == .none)
        #expect(try DTDEntityPolicy.check(bytes: Array("<!DOCTYPE r SYSTEM \"r.dtd\"><r/>".utf8), path: "t") == .none)
        #expect(try DTDEntityPolicy.check(bytes: Array("<r><!-- <!DOCTYPE x [<!ENTITY a SYSTEM 'f'>]> --></r>".utf8), path: "t") == .none)
    }
}
