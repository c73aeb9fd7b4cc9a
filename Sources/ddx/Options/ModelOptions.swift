import ArgumentParser
import Explorer
import Foundation

/// Which model file to run and on how many threads.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The GGUF model file (default: $DDX_MODEL, else SmolLM2-135M-Instruct installed by scripts/setup).", valueName: "file.gguf"))
    var model: String?

    @Option(name: .long, help: "Worker threads (default: the cores available; more than that is slower).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Context window in tokens (default: the model's, at most 4096).")
    var context: Int?

    func validate() throws {
        guard threads >= 1, threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        if let context, context < 16 { throw ValidationError("--context must be at least 16") }
    }

    /// The model path to load (explicit, environment or default).
    func resolvedPath() throws -> String { try ModelLocator.resolve(model) }
}
