import Foundation
import Yams

/// A teaching case from `Cases/`: a vignette, the question, optional answer options, the reference answer and
/// teaching points. Written as YAML or JSON (same keys):
///
/// ```yaml
/// title: Persistent cough
/// vignette: A 34-year-old teacher has had a dry cough for three weeks after a cold.
/// question: How to stop a cough?
/// options: {A: Expectorants, B: Antibiotics}    # or a list: [Expectorants, Antibiotics] (lettered A, B, …)
/// answer: Treat the cause; honey and hydration; expectorants for productive cough.
/// teaching_points: [Most acute coughs are viral and self-limiting.]
/// source: seed notebook
/// ```
public struct MedicalCase: Sendable, Equatable {
    /// One answer option, e.g. `A` / `Expectorants`.
    public struct Option: Sendable, Equatable, Codable {
        public var letter: String
        public var text: String
        public init(letter: String, text: String) {
            self.letter = letter
            self.text = text
        }
    }

    /// The file name without extension (e.g. `cough`).
    public var id: String
    public var title: String
    /// The case stem: who the patient is and what they present with (may be empty for a bare question).
    public var vignette: String
    public var question: String
    public var options: [Option]
    /// The reference answer the case was written with.
    public var answer: String
    public var teachingPoints: [String]
    /// Where the case comes from (e.g. `seed notebook`).
    public var source: String?
    public var tags: [String]
    /// The file it was read from.
    public var path: String?

    public init(id: String, title: String, vignette: String = "", question: String, options: [Option] = [],
                answer: String, teachingPoints: [String] = [], source: String? = nil, tags: [String] = [],
                path: String? = nil) {
        self.id = id
        self.title = title
        self.vignette = vignette
        self.question = question
        self.options = options
        self.answer = answer
        self.teachingPoints = teachingPoints
        self.source = source
        self.tags = tags
        self.path = path
    }

    /// The user message sent to a model: vignette, question and lettered options.
    public var prompt: String { prompt(includingVignette: true) }

    /// The user message sent to a model: the vignette (when `includingVignette`), question and lettered options.
    public func prompt(includingVignette: Bool) -> String {
        var parts: [String] = []
        if includingVignette, !vignette.isEmpty { parts.append(vignette) }
        parts.append(question)
        if !options.isEmpty {
            parts.append("Options:\n" + options.map { "\($0.letter). \($0.text)" }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The largest case file read: cases are written by hand, and YAML parsing holds the whole file.
    public static let maxFileBytes = 1 << 20

    /// Reads a case from a `.yaml`/`.yml` or `.json` file; a one-line error naming the file and the field or line.
    public static func load(path: String) throws -> MedicalCase {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            throw InputError("\(path): \(size) bytes; a case file may hold at most \(maxFileBytes) bytes (1 MiB)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): no such case file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError("\(path): not UTF-8 text") }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let file: CaseFileContents
        do {
            if path.lowercased().hasSuffix(".json") {
                file = try JSONDecoder().decode(CaseFileContents.self, from: data)
            } else {
                file = try YAMLDecoder().decode(CaseFileContents.self, from: text)
            }
        } catch let error as DecodingError {
            throw InputError("\(path): \(Self.describe(error))")
        } catch let error as YamlError {
            let first = error.description.split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw InputError("\(path):\(first)")
        } catch {
            throw InputError("\(path): \(error.localizedDescription)")
        }
        return try file.medicalCase(id: id, path: path)
    }

    /// `field 'a.b[2]': what was wrong` for a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func field(_ path: [CodingKey], _ extra: CodingKey? = nil) -> String {
            var s = ""
            for key in path + (extra.map { [$0] } ?? []) {
                if let i = key.intValue { s += "[\(i)]" } else { s += s.isEmpty ? key.stringValue : "." + key.stringValue }
            }
            return s.isEmpty ? "the top level" : "field '\(s)'"
        }
        switch error {
        case .keyNotFound(let key, let c): return "\(field(c.codingPath, key)) is missing"
        case .typeMismatch(let type, let c): return "\(field(c.codingPath)): expected \(Self.kind(type))"
        case .valueNotFound(let type, let c): return "\(field(c.codingPath)): expected \(Self.kind(type)), found null"
        case .dataCorrupted(let c):
            if let underlying = c.underlyingError { return "not valid JSON/YAML (\(underlying.localizedDescription))" }
            return "\(field(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is [String].Type: return "a list of texts"
        default: return "\(type)".lowercased()
        }
    }
}

/// The on-disk shape of a case file.
private struct CaseFileContents: Decodable {
    var title: String?
    var vignette: String?
    var question: String
    var options: OptionList?
    var answer: String
    var teachingPoints: [String]?
    var source: String?
    var tags: [String]?

    enum CodingKeys: String, CodingKey {
        case title, vignette, question, options, answer, teachingPoints = "teaching_points", source, tags
    }

    func medicalCase(id: String, path: String) throws -> MedicalCase {
        let q = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty else { throw InputError("\(path): field 'question' is empty") }
        guard !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError("\(path): field 'answer' is empty")
        }
        return MedicalCase(id: id, title: title ?? q, vignette: (vignette ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                           question: q, options: options?.options ?? [], answer: answer.trimmingCharacters(in: .whitespacesAndNewlines),
                           teachingPoints: teachingPoints ?? [], source: source, tags: tags ?? [], path: path)
    }
}

/// Options as a mapping (`{A: …, B: …}`, sorted by letter) or a list (lettered A, B, …).
private struct OptionList: Decodable {
    var options: [MedicalCase.Option]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            options = list.enumerated().map { i, text in
                MedicalCase.Option(letter: String(UnicodeScalar(UInt8(65 + min(i, 25)))), text: text)
            }
        } else if let map = try? container.decode([String: String].self) {
            options = map.keys.sorted().map { MedicalCase.Option(letter: $0, text: map[$0]!) }
        } else {
            throw DecodingError.typeMismatch([String].self, .init(codingPath: decoder.codingPath,
                debugDescription: "options must be a list of texts or a mapping of letters to texts"))
        }
    }
}
