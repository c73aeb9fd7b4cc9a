/// Why generation could not run or stopped abnormally; each description is one line.
public enum GenerationError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidParameter(String)
    /// The prompt plus the requested tokens does not fit the context window.
    case contextLength(prompt: Int, context: Int)
    /// The model file is not one the engine can run (architecture, tensor, type).
    case unsupportedModel(String)
    case invalidToken(Int)

    public var description: String {
        switch self {
        case .invalidParameter(let m): return m
        case .contextLength(let prompt, let context):
            return "the prompt is \(prompt) tokens but the context window holds \(context); shorten the prompt or raise --context"
        case .unsupportedModel(let m): return m
        case .invalidToken(let id): return "token id \(id) is outside the vocabulary"
        }
    }
}
