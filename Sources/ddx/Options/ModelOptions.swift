import ArgumentParser
import Explorer
import Foundation
import Serving

/// Which model to run: a GGUF file on how many threads, or a model on an OpenAI-compatible server.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The GGUF model file (default: $DDX_MODEL, else SmolLM2-135M-Instruct installed by scripts/setup); with --endpoint, the server's model name (required).", valueName: "file.gguf|name"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("Generate with an OpenAI-compatible server (vLLM, llama.cpp server, Ollama, …) instead of the in-process engine: its API base such as http://127.0.0.1:8000/v1, or a full …/chat/completions URL.", valueName: "url"))
    var endpoint: String?

    @OptionGroup var engine: EngineOptions

    /// Worker threads of the in-process engine.
    var threads: Int { engine.threads }
    /// The context window asked for, if any.
    var context: Int? { engine.context }

    func validate() throws {
        if endpoint != nil {
            guard let model, !model.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--endpoint needs --model NAME, the model name the server knows")
            }
        } else if engine.apiKeyEnv != nil {
            throw ValidationError("--api-key-env only applies with --endpoint")
        }
    }

    /// Whether a server, not a local file, is to be used.
    var isRemote: Bool { endpoint != nil }

    /// The model path to load (explicit, environment or default). Commands that only run local models call this;
    /// it refuses `--endpoint`.
    func resolvedPath() throws -> String {
        if endpoint != nil { throw ValidationError("--endpoint is not supported here; this command needs a local GGUF model") }
        return try ModelLocator.resolve(model)
    }

    /// What to generate with: the server when `--endpoint` is given, else the local GGUF file.
    func spec(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ModelSpec {
        try engine.spec(model: model, endpoint: endpoint, environment: environment)
    }
}
