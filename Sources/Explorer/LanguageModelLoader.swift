import Foundation
import GGUF
import Inference
import Serving

/// Which model to generate with.
public enum ModelSpec: Sendable {
    /// A GGUF file run in-process on `threads` threads, with an optional context length.
    case local(path: String, threads: Int, contextLength: Int?)
    /// A model on an OpenAI-compatible server (nothing is contacted until the first generation).
    case remote(RemoteModelConfiguration)
}

/// A model ready to generate, with what identifies it and how long loading took.
public struct LoadedLanguageModel: Sendable {
    public let model: any LanguageModel
    public let identity: ModelIdentity
    public let loadSeconds: Double

    public init(model: any LanguageModel, identity: ModelIdentity, loadSeconds: Double) {
        self.model = model
        self.identity = identity
        self.loadSeconds = loadSeconds
    }
}

/// Opens the model a `ModelSpec` names: the in-process engine for a GGUF file (memory-mapped, fingerprinted), or an
/// `OpenAICompatibleModel` for a server (identity: endpoint and model name).
///
/// ```swift
/// let loaded = try LanguageModelLoader.load(.local(path: try ModelLocator.resolve(nil), threads: 2, contextLength: nil))
/// print(loaded.identity.summary)
/// ```
public enum LanguageModelLoader {
    /// Loads the model; a one-line error naming the file or endpoint when it cannot be used.
    public static func load(_ spec: ModelSpec) throws -> LoadedLanguageModel {
        switch spec {
        case .local(let path, let threads, let contextLength):
            let t0 = MonotonicClock.seconds()
            let engine = try GGUFModel.load(path: path, threads: threads, contextLength: contextLength)
            let seconds = MonotonicClock.seconds() - t0
            let templateHash = (try? engine.file.string("tokenizer.chat_template"))
                .flatMap { $0 }.map { ReasoningInput.hexDigest(Array($0.utf8)) }
            let identity = ModelIdentity(engine: "ddx", name: (path as NSString).lastPathComponent,
                                         sha256: try FileFingerprint.sha256(path: path),
                                         architecture: engine.configuration.architecture.rawValue,
                                         chatTemplateSHA256: templateHash)
            return LoadedLanguageModel(model: engine, identity: identity, loadSeconds: seconds)
        case .remote(let configuration):
            let identity = ModelIdentity(engine: "openai-compatible", name: configuration.model,
                                         endpoint: configuration.endpointDescription)
            return LoadedLanguageModel(model: OpenAICompatibleModel(configuration: configuration), identity: identity,
                                       loadSeconds: 0)
        }
    }
}
