import ArgumentParser
import Explorer
import Foundation

/// `ddx model …`: facts about GGUF model files.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Inspect GGUF model files.", subcommands: [Info.self, Logits.self])

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Architecture, sizes, tensor types, tokenizer and chat template of a GGUF file (reads the header only).")

        @Argument(help: ArgumentHelp("The GGUF file (default: the installed default model).", valueName: "file.gguf"))
        var file: String?

        @Flag(help: "Print one JSON object.")
        var json: Bool = false

        func run() throws {
            let report = try ModelReport(path: try ModelLocator.resolve(file))
            print(json ? report.json : report.text, terminator: "")
        }
    }

    struct Logits: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Next-token logits after a text or token ids (for checking the engine against a reference).")

        @Argument(help: "The text (tokenised as a raw prompt, special tokens parsed).")
        var text: String?

        @Option(name: .long, help: ArgumentHelp("Comma-separated token ids instead of a text.", valueName: "ids"))
        var ids: String?

        @OptionGroup var model: ModelOptions

        @Option(name: .long, help: "How many of the best tokens to list.")
        var top: Int = 10

        @Flag(help: "Include every logit.")
        var all: Bool = false

        func validate() throws {
            if (text == nil) == (ids == nil) { throw ValidationError("give either a text or --ids") }
        }

        func run() throws {
            var parsed: [Int]?
            if let ids {
                parsed = try ids.split(separator: ",").map {
                    guard let v = Int($0.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--ids: '\($0)' is not a token id") }
                    return v
                }
            }
            let result = try ModelLogits(modelPath: try model.resolvedPath(), text: text, ids: parsed, threads: model.threads)
            print(result.json(top: top, full: all))
        }
    }
}
