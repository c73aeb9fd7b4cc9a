import Foundation

/// What a batch output folder was made from (`manifest.json`): resuming against a different input, different
/// field names or different ontologies would mix incomparable records, so it is refused unless `--restart`.
public struct BatchManifest: Sendable, Codable, Equatable {
    /// The input's identity.
    public struct Input: Sendable, Codable, Equatable {
        /// Absolute path when the run started (informative: a moved file with the same content still resumes).
        public var path: String
        public var kind: BatchInput.Kind
        /// Bytes (a folder: the sum over its text files).
        public var size: Int
        /// Modification time, seconds since 1970 (informative; a folder: its newest text file).
        public var modified: Double
        /// SHA-256 of the file, or of a folder's listing (relative path, size and modification time per file).
        public var sha256: String
        /// Text files in a folder.
        public var files: Int?
    }

    /// The disclaimer every batch artifact carries (informative).
    public var disclaimer: String? = BatchSummary.disclaimer
    /// The ddx version that started the run (informative).
    public var ddxVersion: String
    public var input: Input
    public var fields: BatchFields
    /// Ontology sources (`name version`); empty with `--no-ontology`.
    public var ontology: [String]
    /// For `--generate`: the model, prompt and sampling the texts come from (`BatchGenerator.manifestDescription`);
    /// nil when the input holds the texts.
    public var generation: String?

    public init(input: Input, fields: BatchFields, ontology: [String], generation: String? = nil,
                ddxVersion: String = DDxVersion.current) {
        self.ddxVersion = ddxVersion
        self.input = input
        self.fields = fields
        self.ontology = ontology
        self.generation = generation
    }

    /// What differs between this (recorded) manifest and `now` in a way that forbids resuming; empty when the runs
    /// are compatible. Each entry reads `what: recorded X, now Y`.
    public func mismatches(with now: BatchManifest) -> [String] {
        var out: [String] = []
        func add(_ what: String, _ recorded: String, _ current: String) {
            out.append("\(what): recorded \(recorded), now \(current)")
        }
        func show(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "automatic" }
        func describe(_ i: Input) -> String {
            "\(i.path) (\(i.kind.rawValue), \(i.size) bytes, sha256 \(i.sha256.prefix(12)))"
        }
        if input.kind != now.input.kind || input.size != now.input.size || input.sha256 != now.input.sha256 {
            add("input", describe(input), describe(now.input))
        }
        if fields.text != now.fields.text { add("--text-field", show(fields.text), show(now.fields.text)) }
        if fields.id != now.fields.id { add("--id-field", show(fields.id), show(now.fields.id)) }
        if fields.answer != now.fields.answer { add("--answer-field", show(fields.answer), show(now.fields.answer)) }
        if fields.options != now.fields.options { add("--options-field", show(fields.options), show(now.fields.options)) }
        if generation != now.generation {
            add("generation", generation ?? "none (texts read from the input)", now.generation ?? "none (texts read from the input)")
        }
        if ontology != now.ontology {
            func list(_ a: [String]) -> String { a.isEmpty ? "none" : a.joined(separator: ", ") }
            add("ontology", list(ontology), list(now.ontology))
        }
        return out
    }

    /// The manifest as pretty JSON with sorted keys.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Reads a manifest; a one-line `InputError` when it is not one.
    public static func read(path: String) throws -> BatchManifest {
        do {
            return try JSONDecoder().decode(BatchManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw InputError("\(path): not a readable batch manifest; pass --restart to start over")
        }
    }
}
