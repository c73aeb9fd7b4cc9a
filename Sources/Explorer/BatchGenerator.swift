import Foundation
import Inference
import Serving
import Synchronization

/// Writes the texts of a `ddx batch --generate` run: for each question item (decoded from its JSONL line like any
/// batch item, the question in place of the text) it asks the model, at most `concurrency` requests at a time, and
/// returns the item with the generated text and a `BatchGeneration` record.
///
/// ```swift
/// let generator = BatchGenerator(model: loaded, configuration: ExplorerConfiguration(promptTemplate: template), concurrency: 8)
/// let items = await generator.generate(questions, cancellation: cancellation)
/// ```
public final class BatchGenerator: Sendable {
    public let model: LoadedLanguageModel
    /// Prompt template, system message, prefill and sampling (its ontology and limits are not used here).
    public let configuration: ExplorerConfiguration
    /// Most requests in flight (the in-process engine runs one at a time whatever this is).
    public let concurrency: Int

    private let texts = Atomic<Int>(0)
    private let failures = Atomic<Int>(0)
    private let tokens = Atomic<Int>(0)

    public init(model: LoadedLanguageModel, configuration: ExplorerConfiguration, concurrency: Int) {
        self.model = model
        self.configuration = configuration
        self.concurrency = max(1, concurrency)
    }

    /// Texts generated, generations that failed, and tokens generated so far.
    public var counts: (texts: Int, failures: Int, tokens: Int) {
        (texts.load(ordering: .relaxed), failures.load(ordering: .relaxed), tokens.load(ordering: .relaxed))
    }

    /// What the texts depend on, in one line for the output folder's manifest: resuming with another model, prompt or
    /// sampling would mix incomparable texts.
    public var manifestDescription: String {
        let identity = model.identity
        var parts = ["model \(identity.name)"]
        if let sha = identity.sha256 { parts.append("sha256 \(sha)") }
        if let endpoint = identity.endpoint { parts.append("at \(endpoint)") }
        parts.append("template \(configuration.promptTemplate?.name ?? "none")")
        if let system = configuration.systemPrompt { parts.append("system \(ReasoningInput.hexDigest(Array(system.utf8)).prefix(12))") }
        parts.append(configuration.prefill ? "prefill" : "no prefill")
        let p = configuration.parameters
        parts.append("temperature \(p.temperature) top-k \(p.topK) top-p \(p.topP) min-p \(p.minP) repeat \(p.repetitionPenalty) max-tokens \(p.maxTokens)")
        if !p.stopStrings.isEmpty { parts.append("stop \(p.stopStrings)") }
        parts.append(p.seed.map { "seed \($0)" } ?? "random seeds")
        return parts.joined(separator: " · ")
    }

    /// The user message for `item`: its question (the item's text), then its answer options as `A. …` lines.
    public func prompt(for item: BatchItem) -> String {
        let question = String(decoding: item.text, as: UTF8.self)
        guard !item.options.isEmpty else { return question }
        return question + "\n\n" + item.options.map { "\($0.letter). \($0.text)" }.joined(separator: "\n")
    }

    /// Generates a text for every item, results in the order of `items`: the item with its text replaced by the
    /// generated one, or the failure (recorded as the item's error). Items not started when `cancellation` is
    /// requested come back nil (not generated, not to be recorded); those under way finish.
    public func generate(_ items: [BatchItem], cancellation: BatchCancellation) async -> [Result<BatchItem, BatchItemFailure>?] {
        let explorer = DiagnosisExplorer(configuration: configuration, model: model)
        let model = self.model
        let outcome = try? await BoundedConcurrency.map(items, limit: concurrency) { item -> Result<BatchItem, BatchItemFailure>? in
            if cancellation.isRequested { return nil }
            let prompt = self.prompt(for: item)
            let started = MonotonicClock.seconds()
            do {
                let result = try await model.model.complete(explorer.request(for: prompt))
                var generated = item
                generated.text = Array(result.text.utf8)
                generated.textField = nil
                generated.generation = BatchGeneration(prompt: prompt, text: result.text, seed: result.seed,
                                                       promptTokens: result.promptTokenTotal,
                                                       generatedTokens: result.generatedTokenTotal,
                                                       seconds: MonotonicClock.seconds() - started,
                                                       stopReason: result.stopReason.rawValue)
                self.texts.add(1, ordering: .relaxed)
                self.tokens.add(result.generatedTokenTotal, ordering: .relaxed)
                return .success(generated)
            } catch {
                self.failures.add(1, ordering: .relaxed)
                let message = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
                return .failure(BatchItemFailure(id: item.id, line: item.line, message: "generation failed: \(message)"))
            }
        }
        return outcome ?? Array(repeating: nil, count: items.count)
    }
}
