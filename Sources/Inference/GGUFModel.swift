import Foundation
import GGUF
import Kernels
import Tokenization
#if canImport(Glibc)
import Glibc
#endif

/// The in-process engine: a GGUF file's weights, tokenizer and chat template, run on the CPU.
///
/// ```swift
/// let model = try GGUFModel.load(path: "SmolLM2-135M-Instruct.Q4_1.gguf", threads: 2)
/// let result = try model.run(GenerationRequest(messages: [ChatMessage(role: "user", content: "Hi")],
///                                              parameters: .greedy)) { event in … }
/// ```
public final class GGUFModel: LanguageModel, @unchecked Sendable {
    public let file: GGUFFile
    public let configuration: TransformerConfiguration
    public let tokenizer: BPETokenizer
    /// The file's chat template, when it has one.
    public let chatTemplate: ChatTemplate?
    public let transformer: Transformer
    public var name: String { "\(file.path.split(separator: "/").last.map(String.init) ?? file.path) (\(configuration.architecture.rawValue))" }

    private let lock = NSLock()

    /// Memory-maps and binds the model. `contextLength` defaults to the smaller of the model's and 4,096.
    public static func load(path: String, threads: Int, contextLength: Int? = nil) throws -> GGUFModel {
        try load(file: GGUFFile.open(path: path), threads: threads, contextLength: contextLength)
    }

    /// Binds an opened file (a mapping or an in-memory image).
    public static func load(file: GGUFFile, threads: Int, contextLength: Int? = nil) throws -> GGUFModel {
        let configuration = try TransformerConfiguration(gguf: file)
        let vocabulary = try Vocabulary(gguf: file)
        let tokenizer = try BPETokenizer(vocabulary: vocabulary)
        var template: ChatTemplate?
        if let source = try file.string("tokenizer.chat_template") { template = try ChatTemplate(source: source) }
        let weights = try TransformerWeights(file: file, configuration: configuration)
        let context = contextLength ?? min(configuration.contextLength, 4096)
        let transformer = try Transformer(weights: weights, configuration: configuration, contextLength: context,
                                          threads: threads)
        return GGUFModel(file: file, configuration: configuration, tokenizer: tokenizer, chatTemplate: template,
                         transformer: transformer)
    }

    init(file: GGUFFile, configuration: TransformerConfiguration, tokenizer: BPETokenizer, chatTemplate: ChatTemplate?,
         transformer: Transformer) {
        self.file = file
        self.configuration = configuration
        self.tokenizer = tokenizer
        self.chatTemplate = chatTemplate
        self.transformer = transformer
    }

    /// The prompt text for `request`: the chat template's rendering plus the prefill, or the raw prompt.
    public func promptText(for request: GenerationRequest) throws -> String {
        if let raw = request.rawPrompt { return raw }
        guard let template = chatTemplate else {
            throw GenerationError.unsupportedModel("\(file.path) has no tokenizer.chat_template; use --raw to feed the prompt as-is")
        }
        let v = tokenizer.vocabulary
        let bos = v.bos.map { v.tokens[$0] } ?? "", eos = v.eos.map { v.tokens[$0] } ?? ""
        return try template.render(messages: request.messages, addGenerationPrompt: true, bosToken: bos, eosToken: eos)
            + request.assistantPrefill
    }

    /// Token ids of the prompt: a rendered chat keeps its special tokens as written (as Hugging Face's
    /// `apply_chat_template` + `tokenize=True` does); a raw prompt gets BOS only when the file asks for it.
    public func promptTokens(for request: GenerationRequest) throws -> (text: String, ids: [Int]) {
        let text = try promptText(for: request)
        if request.rawPrompt != nil {
            return (text, tokenizer.encode(text, addSpecial: true, parseSpecial: false))
        }
        return (text, tokenizer.encode(text, addSpecial: false, parseSpecial: true))
    }

    /// Generates synchronously on the calling thread, reporting events as they happen.
    public func run(_ request: GenerationRequest, onEvent: (GenerationEvent) -> Void = { _ in }) throws -> GenerationResult {
        try request.parameters.validate()
        return try lock.withLock {
            let (prompt, ids) = try promptTokens(for: request)
            guard !ids.isEmpty else { throw GenerationError.invalidParameter("the prompt is empty") }
            guard ids.count < transformer.cache.capacity else {
                throw GenerationError.contextLength(prompt: ids.count, context: transformer.cache.capacity)
            }
            let seed = request.parameters.seed ?? UInt64.random(in: 0...UInt64.max)
            var sampler = request.parameters.makeSampler(seed: seed)
            var detokenizer = StreamingDetokenizer(tokenizer: tokenizer)
            var stops = StopStringMatcher(stops: request.parameters.stopStrings)
            let endIDs = tokenizer.vocabulary.endOfGenerationIDs
            transformer.reset()

            let t0 = MonotonicClock.seconds()
            var logits = try transformer.forward(ids)
            let promptSeconds = MonotonicClock.seconds() - t0
            onEvent(.promptProcessed(tokens: ids.count, seconds: promptSeconds))
            if !request.assistantPrefill.isEmpty { onEvent(.text(request.assistantPrefill, token: nil)) }

            var history = ids
            var generated: [Int] = []
            var text = request.assistantPrefill
            var reason = StopReason.maxTokens
            let t1 = MonotonicClock.seconds()
            while generated.count < request.parameters.maxTokens {
                let next = sampler.sample(logits: logits, history: history[...])
                if endIDs.contains(next) { reason = .endOfGeneration; break }
                generated.append(next)
                history.append(next)
                let (piece, stopped) = stops.append(detokenizer.append(next))
                if !piece.isEmpty { text += piece; onEvent(.text(piece, token: next)) }
                if stopped { reason = .stopString; break }
                if generated.count == request.parameters.maxTokens { break }
                if transformer.position >= transformer.cache.capacity { reason = .contextFull; break }
                logits = try transformer.forward([next])
            }
            if reason != .stopString {
                let (tail, stopped) = stops.append(detokenizer.finish())
                var rest = tail
                if !stopped { rest += stops.flush() } else { reason = .stopString }
                if !rest.isEmpty { text += rest; onEvent(.text(rest, token: nil)) }
            }
            let result = GenerationResult(prompt: prompt, promptTokens: ids, tokens: generated, text: text,
                                          stopReason: reason, seed: seed, promptSeconds: promptSeconds,
                                          generationSeconds: MonotonicClock.seconds() - t1)
            onEvent(.finished(result))
            return result
        }
    }

    public func generate(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        AsyncThrowingStream { continuation in
            // The forward pass blocks its thread for the whole generation: run it on its own thread, not on the
            // cooperative pool.
            let thread = Thread { [self] in
                do {
                    _ = try run(request) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            thread.start()
        }
    }
}
