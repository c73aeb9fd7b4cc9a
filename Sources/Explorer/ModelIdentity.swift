/// What produced a text: enough to find the same model again (file name and SHA-256, or endpoint and model name).
public struct ModelIdentity: Sendable, Codable, Equatable {
    /// The engine: `ddx` (the in-process GGUF core) or `openai-compatible` (a remote server).
    public var engine: String
    /// The model file's name, or the server's model name.
    public var name: String
    /// Lower-case hex SHA-256 of the model file (local models only).
    public var sha256: String?
    /// `general.architecture` (local models), e.g. `llama`.
    public var architecture: String?
    /// Lower-case hex SHA-256 of the chat template source (local models with a template).
    public var chatTemplateSHA256: String?
    /// The server URL (remote models only).
    public var endpoint: String?

    public init(engine: String, name: String, sha256: String? = nil, architecture: String? = nil,
                chatTemplateSHA256: String? = nil, endpoint: String? = nil) {
        self.engine = engine
        self.name = name
        self.sha256 = sha256
        self.architecture = architecture
        self.chatTemplateSHA256 = chatTemplateSHA256
        self.endpoint = endpoint
    }

    /// One line for logs and report headers, e.g. `SmolLM2-135M-Instruct.Q4_1.gguf (llama)`.
    public var summary: String {
        if let endpoint { return "\(name) at \(endpoint)" }
        return architecture.map { "\(name) (\($0))" } ?? name
    }
}
