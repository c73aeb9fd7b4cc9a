import Explorer
import Foundation
import Testing
import TestSupport

/// Fixtures shared by the batch tests: the shipped ontology and small hand-made texts with known verdicts.
enum BatchFixtures {
    /// The shipped `Ontologies/` folder, loaded once.
    static let ontology: LoadedOntology = {
        do { return try LoadedOntology.load(paths: [RepoFiles.root.appendingPathComponent("Ontologies").path]) } catch {
            fatalError("cannot load the shipped ontology: \(error)")
        }
    }()

    /// Hops: cough→pneumonia and pneumonia→fever attested, chest pain→MI attested via is-a, fever→chest pain
    /// unattested, wibble→cough ungrounded. Answers B.
    static let textA = """
    ## Thinking

    ### Finding Reasoning Paths:
    1. Cough -> Pneumonia -> Fever
    2. Chest pain -> Myocardial infarction
    3. Fever -> Chest pain
    4. Blorptastic wibble -> Cough

    ### Conclusion:
    Pneumonia.

    ## Final Response

    The answer is B. Pneumonia.
    """

    /// Hops: headache→pneumonia plausible, headache→cough and fever→chest pain unattested. Answers C.
    static let textB = """
    Finding reasoning paths:
    1. Headache -> Pneumonia
    2. Headache -> Cough
    3. Fever -> Chest pain

    Conclusion:
    Answer: C
    """

    /// No path list; mining finds cough → pneumonia (attested).
    static let textMined = "## Thinking\n\nThe cough suggests pneumonia here.\n\n## Final Response\n\nPneumonia.\n"

    /// A JSON string literal of `text`.
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self)
            .dropFirst().dropLast().description
    }

    /// The five-line JSONL used by the aggregate tests: a, b, a bad line, a line without text, the mined text.
    static var jsonl: String {
        """
        {"id": "a", "text": \(quoted(textA)), "answer": "B", "options": {"A": "Asthma", "B": "Pneumonia"}}
        {"id": "b", "text": \(quoted(textB)), "answer": "A", "options": ["Pneumonia", "Asthma", "Flu"]}
        {"id": "broken", "text": "unterminated
        {"id": "no-text", "prompt": "hello"}
        {"id": "m", "text": \(quoted(textMined))}

        """
    }

    /// Writes `contents` to `name` in `dir` and returns the path.
    @discardableResult
    static func write(_ contents: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// Every entry of `source`.
    static func entries(_ source: any BatchEntrySource) throws -> [BatchEntry] {
        var all: [BatchEntry] = []
        while true {
            let next = try source.next(limit: 3)
            if next.isEmpty { return all }
            all += next
        }
    }
}

@Suite("Batch input")
struct BatchInputTests {
    @Test("JSONL lines become items; bad lines become per-item errors with their line numbers")
    func jsonlLines() throws {
        try ScratchDirectory.with { dir in
            let path = try BatchFixtures.write(BatchFixtures.jsonl, "in.jsonl", in: dir)
            let fields = BatchFields(answer: "answer")
            let input = try BatchInput.open(path: path, fields: fields)
            #expect(input.kind == .jsonl)
            #expect(try input.count() == 5)
            let entries = try BatchFixtures.entries(try input.makeSource())
            #expect(entries.map(\.line) == [1, 2, 3, 4, 5])
            let results = entries.map { $0.item(fields: fields, maxBytes: 1 << 20) }
            let a = try results[0].get()
            #expect(a.id == "a" && a.line == 1 && a.textField == "text" && a.goldAnswer == "B")
            #expect(a.options == [BatchOption(letter: "A", text: "Asthma"), BatchOption(letter: "B", text: "Pneumonia")])
            #expect(String(decoding: a.text, as: UTF8.self) == BatchFixtures.textA)
            let b = try results[1].get()
            #expect(b.options.map(\.letter) == ["A", "B", "C"])
            guard case .failure(let broken) = results[2], case .failure(let noText) = results[3] else {
                Issue.record("lines 3 and 4 should fail")
                return
            }
            #expect(broken.id == "line 3" && broken.line == 3 && broken.message.hasPrefix("invalid JSON at column"))
            #expect(noText.id == "no-text" && noText.line == 4 && noText.message.contains("no text field"))
        }
    }

    @Test("the text field falls back to common names unless one is given; blank lines and CRLF are fine")
    func textFieldFallback() throws {
        try ScratchDirectory.with { dir in
            let path = try BatchFixtures.write("{\"output\": \"1. A -> B\", \"id\": 7}\r\n\r\n   \n{\"text\": 5}\n{\"response\": \"x\"}",
                                               "in.jsonl", in: dir)
            let auto = try BatchInput.open(path: path)
            #expect(try auto.count() == 3)
            let entries = try BatchFixtures.entries(try auto.makeSource())
            #expect(entries.map(\.line) == [1, 4, 5])
            let items = entries.map { $0.item(fields: BatchFields(), maxBytes: 100) }
            let first = try items[0].get()
            #expect(first.id == "7" && first.textField == "output")
            // "text" is present but not a string: with automatic fields the next names are tried, then it fails.
            guard case .failure(let f) = items[1] else { Issue.record("a number is not a text"); return }
            #expect(f.id == "line 4" && f.message.contains("tried text, output"))
            #expect(try items[2].get().textField == "response")
            // An explicit field is the only one tried.
            let explicit = entries.map { $0.item(fields: BatchFields(text: "text"), maxBytes: 100) }
            guard case .failure(let e0) = explicit[0], case .failure(let e1) = explicit[1] else {
                Issue.record("explicit --text-field must not fall back")
                return
            }
            #expect(e0.message == "no field \"text\"")
            #expect(e1.message == "field \"text\" is a number, not a string")
        }
    }

    @Test("an over-long text and a non-object line are per-item errors")
    func limits() throws {
        let big = BatchEntry(line: 1, payload: .jsonLine(Array("{\"text\": \"\(String(repeating: "x", count: 50))\"}".utf8)))
        guard case .failure(let f) = big.item(fields: BatchFields(), maxBytes: 10) else { Issue.record("too big"); return }
        #expect(f.message.contains("larger than the limit"))
        let array = BatchEntry(line: 2, payload: .jsonLine(Array("[1, 2]".utf8)))
        guard case .failure(let g) = array.item(fields: BatchFields(), maxBytes: 10) else { Issue.record("array"); return }
        #expect(g.message == "the line is an array, not a JSON object")
    }

    @Test("a line longer than the reader's limit is reported without being held, and reading goes on")
    func longLine() throws {
        try ScratchDirectory.with { dir in
            let long = "{\"text\": \"" + String(repeating: "y", count: 9000) + "\"}"
            let path = try BatchFixtures.write("{\"text\": \"a\"}\n\(long)\n{\"text\": \"b\"}", "in.jsonl", in: dir)
            let entries = try BatchFixtures.entries(try BatchLineReader(path: path, maxLineBytes: 1000))
            #expect(entries.map(\.line) == [1, 2, 3])
            guard case .unreadable(let id, let message) = entries[1].payload else { Issue.record("line 2"); return }
            #expect(id == "line 2" && message.contains("longer than 1000 bytes"))
            guard case .jsonLine(let last) = entries[2].payload else { Issue.record("line 3"); return }
            #expect(String(decoding: last, as: UTF8.self) == "{\"text\": \"b\"}")
        }
    }

    @Test("a folder gives one item per .txt/.md file, sorted by relative path, hidden files skipped")
    func directory() throws {
        try ScratchDirectory.with { dir in
            try BatchFixtures.write("1. A -> B\n", "b.txt", in: dir)
            try BatchFixtures.write("1. C -> D\n", "a/z.md", in: dir)
            try BatchFixtures.write("1. E -> F\n", "a/y.TXT", in: dir)
            try BatchFixtures.write("ignored", "notes.json", in: dir)
            try BatchFixtures.write("ignored", ".hidden/x.txt", in: dir)
            try BatchFixtures.write("ignored", ".x.txt", in: dir)
            let input = try BatchInput.open(path: dir.path)
            #expect(input.kind == .directory)
            #expect(try input.count() == 3)
            let items = try BatchFixtures.entries(try input.makeSource()).map { try $0.item(fields: BatchFields(), maxBytes: 100).get() }
            #expect(items.map(\.id) == ["a/y.TXT", "a/z.md", "b.txt"])
            #expect(String(decoding: items[2].text, as: UTF8.self) == "1. A -> B\n")
        }
    }

    @Test("a missing input is a one-line error naming it")
    func missing() throws {
        #expect(throws: InputError("/nonexistent/in.jsonl: no such file or folder")) {
            try BatchInput.open(path: "/nonexistent/in.jsonl")
        }
    }

    @Test("BatchJSON reads escapes and surrogate pairs and says where a line is broken")
    func json() throws {
        let v = try BatchJSON.parse(Array(#"{"a": "x\"\\\/\n\u00e9\ud83d\ude00", "n": -1.5e3, "l": [true, false, null], "a": 2}"#.utf8))
        #expect(v["a"]?.string == "x\"\\/\né😀")
        #expect(v["n"] == .number("-1.5e3"))
        #expect(v["l"] == .array([.bool(true), .bool(false), .null]))
        for (text, column) in [("{\"a\": }", 7), ("{\"a\" 1}", 6), ("[1,]", 4), ("{} x", 4), ("\"\u{01}\"", 2), ("01", 2)] {
            do {
                _ = try BatchJSON.parse(Array(text.utf8))
                Issue.record("\(text) should not parse")
            } catch let e as BatchJSON.SyntaxError {
                #expect(e.column == column, "\(text): \(e)")
            }
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: BatchJSON.SyntaxError.self) { try BatchJSON.parse(Array(deep.utf8)) }
    }
}
