import ArgumentParser
import Explorer

/// The reasoning text a command reads.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Reasoning text to read, or - for standard input.", valueName: "file"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many bytes.", valueName: "n"))
    var maxBytes: Int = ReasoningInput.defaultMaxBytes

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    /// Reads the input, throwing a one-line `InputError` naming the file.
    func read() throws -> ReasoningInput {
        try ReasoningInput.read(path: input, maxBytes: maxBytes)
    }
}
