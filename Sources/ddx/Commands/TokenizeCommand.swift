import ArgumentParser
import Explorer

/// `ddx tokenize`: token ids and pieces of a text under a model's tokenizer (like llama.cpp's tokenize tool).
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Token ids and pieces of a text under a GGUF model's tokenizer (reads only the vocabulary).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The text.")
    var text: String

    @Option(name: .long, help: ArgumentHelp("The GGUF file (default: the installed default model).", valueName: "file.gguf"))
    var model: String?

    @Option(name: .shortAndLong, help: "Output: text (id and piece per line) or json ({\"ids\": […], \"pieces\": […]}).")
    var format: Format = .text

    @Flag(inversion: .prefixedNo, help: "Add BOS/EOS as the model file asks.")
    var addSpecial: Bool = true

    @Flag(inversion: .prefixedNo, help: "Match special tokens written in the text (e.g. <|im_start|>).")
    var parseSpecial: Bool = true

    func run() throws {
        let tokens = try TokenList(text: text, modelPath: try ModelLocator.resolve(model), addSpecial: addSpecial,
                                   parseSpecial: parseSpecial)
        print(format == .json ? tokens.json : tokens.text)
    }
}
