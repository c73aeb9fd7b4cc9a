import Foundation
import Inference

/// Everything needed to reproduce or audit one run, embedded in every export (HTML, SVG `<metadata>`, DOT
/// comment, JSON): model and its fingerprint, prompt, sampling, ontology, ddx version, input fingerprint, timings.
public struct RunMetadata: Sendable, Codable, Equatable {
    /// Sampling settings and the seed actually used.
    public struct Sampling: Sendable, Codable, Equatable {
        public var temperature: Float
        public var topK: Int
        public var topP: Float
        public var minP: Float
        public var repetitionPenalty: Float
        public var maxTokens: Int
        public var stop: [String]
        public var seed: UInt64?

        public init(_ p: GenerationParameters, seed: UInt64?) {
            temperature = p.temperature; topK = p.topK; topP = p.topP; minP = p.minP
            repetitionPenalty = p.repetitionPenalty; maxTokens = p.maxTokens; stop = p.stopStrings
            self.seed = seed
        }
    }

    /// Generation timings and token counts.
    public struct Timings: Sendable, Codable, Equatable {
        public var loadSeconds: Double?
        public var promptTokens: Int
        public var promptTokensPerSecond: Double
        public var generatedTokens: Int
        public var generationTokensPerSecond: Double
        public var stopReason: String

        public init(loadSeconds: Double?, promptTokens: Int, promptTokensPerSecond: Double, generatedTokens: Int,
                    generationTokensPerSecond: Double, stopReason: String) {
            self.loadSeconds = loadSeconds
            self.promptTokens = promptTokens
            self.promptTokensPerSecond = promptTokensPerSecond
            self.generatedTokens = generatedTokens
            self.generationTokensPerSecond = generationTokensPerSecond
            self.stopReason = stopReason
        }
    }

    /// The disclaimer every export carries.
    public static let disclaimer = "Model-generated text for research and teaching, not clinical advice. \"Attested\" means only that a hop was found in the loaded ontology."

    public var ddxVersion: String = DDxVersion.current
    /// When the text was generated (ISO 8601, UTC); nil for texts read from a file, so their exports stay byte-identical.
    public var generatedAt: String?
    /// The model that wrote the text; nil when the text was read from a file.
    public var model: ModelIdentity?
    /// The case file the question came from.
    public var caseID: String?
    /// The user's question as sent.
    public var question: String?
    /// The system prompt as sent.
    public var systemPrompt: String?
    /// The prompt template's name (`Templates/prompts`).
    public var promptTemplate: String?
    /// The text the assistant turn started with.
    public var prefill: String?
    public var sampling: Sampling?
    public var timings: Timings?
    /// Ontology sources (`name version`) and the files they came from.
    public var ontologies: [String] = []
    public var ontologyFiles: [String] = []
    /// The analysed text's name and SHA-256.
    public var inputName: String
    public var inputSHA256: String
    public var disclaimer: String = RunMetadata.disclaimer

    public init(inputName: String, inputSHA256: String) {
        self.inputName = inputName
        self.inputSHA256 = inputSHA256
    }

    /// Label/value rows in a fixed order for tables and comments; absent values are left out.
    public var rows: [(label: String, value: String)] {
        var r: [(String, String)] = [("ddx version", ddxVersion)]
        if let generatedAt { r.append(("generated at", generatedAt)) }
        if let m = model {
            r.append(("model", m.name))
            r.append(("engine", m.engine))
            if let e = m.endpoint { r.append(("endpoint", e)) }
            if let a = m.architecture { r.append(("architecture", a)) }
            if let s = m.sha256 { r.append(("model SHA-256", s)) }
            if let t = m.chatTemplateSHA256 { r.append(("chat template SHA-256", t)) }
        }
        if let caseID { r.append(("case", caseID)) }
        if let question { r.append(("prompt", question)) }
        if let systemPrompt, !systemPrompt.isEmpty { r.append(("system prompt", systemPrompt)) }
        if let promptTemplate { r.append(("prompt template", promptTemplate)) }
        if let prefill, !prefill.isEmpty { r.append(("prefill", prefill)) }
        if let s = sampling {
            var line = "temperature \(JSONText.number(Double(s.temperature))), top-k \(s.topK), top-p \(JSONText.number(Double(s.topP))), min-p \(JSONText.number(Double(s.minP))), repeat penalty \(JSONText.number(Double(s.repetitionPenalty))), max tokens \(s.maxTokens)"
            if !s.stop.isEmpty { line += ", stop \(s.stop.map { "\"\($0)\"" }.joined(separator: " "))" }
            r.append(("sampling", line))
            r.append(("seed", s.seed.map(String.init) ?? "none"))
        }
        if let t = timings {
            r.append(("timings", String(format: "prompt %d tokens at %.1f tokens/s; generated %d tokens at %.1f tokens/s; stop: %@",
                                        t.promptTokens, t.promptTokensPerSecond, t.generatedTokens,
                                        t.generationTokensPerSecond, t.stopReason)))
            if let l = t.loadSeconds { r.append(("model load", String(format: "%.0f ms", l * 1000))) }
        }
        r.append(("ontology", ontologies.isEmpty ? "none loaded" : ontologies.joined(separator: "; ")))
        if !ontologyFiles.isEmpty { r.append(("ontology files", ontologyFiles.joined(separator: "; "))) }
        r.append(("input", inputName))
        r.append(("input SHA-256", inputSHA256))
        return r
    }

    /// The metadata as one JSON object with sorted keys (for `<metadata>`, DOT comments and JSON exports).
    public func json(pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
