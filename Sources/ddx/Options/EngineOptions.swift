import ArgumentParser
import Explorer
import Foundation
import Serving

/// How a model runs, whichever it is: threads and context for the in-process engine; API key, timeout and retries for
/// a server. `ModelOptions` adds one `--model`/`--endpoint`; `ddx compare` takes two of each.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: the cores available; more than that is slower).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Context window in tokens (default: the model's, at most 4096).")
    var context: Int?

    @Option(name: .customLong("api-key-env"), help: ArgumentHelp("The environment variable holding the server's API key, sent as a bearer token (default: DDX_API_KEY; no key when unset).", valueName: "name"))
    var apiKeyEnv: String?

    @Option(name: .long, help: ArgumentHelp("With --endpoint: seconds to wait for the first byte of an answer, and between streamed chunks.", valueName: "seconds"))
    var timeout: Double = 120

    @Option(name: .long, help: ArgumentHelp("With --endpoint: retries after connection failures, timeouts and HTTP 408/429/5xx, with exponential backoff, while no text has arrived.", valueName: "n"))
    var retries: Int = 3

    /// The variable read for the API key when `--api-key-env` is not given.
    static let defaultAPIKeyVariable = "DDX_API_KEY"

    func validate() throws {
        guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        if let context, context < 16 { throw ValidationError("--context must be at least 16") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard retries >= 0, retries <= 100 else { throw ValidationError("--retries must be between 0 and 100") }
        if let apiKeyEnv, apiKeyEnv.isEmpty || apiKeyEnv.contains("=") {
            throw ValidationError("--api-key-env must name an environment variable")
        }
    }

    /// What to generate with: `model` on the server at `endpoint` when one is given, else the local GGUF file `model`
    /// (nil: `$DDX_MODEL`, else the default model).
    func spec(model: String?, endpoint: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ModelSpec {
        guard let endpoint, let model else {
            return .local(path: try ModelLocator.resolve(model), threads: threads, contextLength: context)
        }
        let configuration: RemoteModelConfiguration
        do {
            configuration = try RemoteModelConfiguration(endpoint: endpoint, model: model, apiKey: try apiKey(environment: environment),
                                                         requestTimeout: timeout, idleTimeout: timeout, maxRetries: retries)
        } catch ServingError.badEndpoint(let reason) {
            throw InputError("--endpoint \(reason)")
        }
        return .remote(configuration)
    }

    /// The API key from `--api-key-env` (an error when that variable is unset) or from `DDX_API_KEY` (nil when unset).
    func apiKey(environment: [String: String]) throws -> String? {
        let name = apiKeyEnv ?? Self.defaultAPIKeyVariable
        if let value = environment[name], !value.isEmpty { return value }
        if let apiKeyEnv {
            throw InputError("--api-key-env \(apiKeyEnv): the environment variable \(apiKeyEnv) is not set (or empty)")
        }
        return nil
    }
}
