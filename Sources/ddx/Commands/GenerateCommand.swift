import ArgumentParser
import Explorer
import Foundation
import Inference

/// `ddx generate`: run the in-process model on a question and stream the answer.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a reasoning text with the in-process model (GGUF on the CPU), streamed as it is produced.",
        discussion: "Model-generated text for research and teaching, not clinical advice. With --template medreason (the default) the system prompt asks for MedReason's structure (## Thinking, ### Finding Reasoning Paths: with A -> B -> C lines, ### Reasoning Process:, ### Conclusion:, ## Final Response); --prefill starts the assistant turn with those headers. Timings go to standard error.")

    @Argument(help: "The question (or, with --raw, the whole prompt).")
    var question: String

    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions

    @Option(name: .long, help: "System message (overrides the template's).")
    var system: String?

    @Option(name: .long, help: "Prompt template from Templates/prompts: medreason or plain.")
    var template: String = "medreason"

    @Option(name: .long, help: ArgumentHelp("Folder of prompt templates (default: the shipped Templates/prompts).", valueName: "dir"))
    var templates: String?

    @Flag(inversion: .prefixedNo, help: "Start the assistant turn with the template's section headers.")
    var prefill: Bool = true

    @Flag(help: "Feed the text as-is: no chat template, BOS only if the model file asks for it.")
    var raw: Bool = false

    @Flag(help: "Print one JSON object (prompt_tokens, tokens, text, timings) instead of streaming text.")
    var json: Bool = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the text (or the JSON) to this file, atomically, instead of streaming it to standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let path = try model.resolvedPath()
        let promptTemplate = raw ? nil : try PromptTemplate.load(name: template, directory: templates)
        let parameters = sampling.parameters
        let request = TextGeneration.request(question: question, template: promptTemplate, system: system,
                                             prefill: prefill, raw: raw, parameters: parameters)
        StandardError.print("ddx: loading \(path) …")
        let t0 = MonotonicClock.seconds()
        let engine = try GGUFModel.load(path: path, threads: model.threads, contextLength: model.context)
        let loadSeconds = MonotonicClock.seconds() - t0
        StandardError.print("ddx: \(engine.configuration.architecture.rawValue), \(engine.configuration.layerCount) layers, loaded in \(Int(loadSeconds * 1000)) ms; \(model.threads) threads; model-generated text, not clinical advice")
        let out = FileHandle.standardOutput
        let streaming = !json && output == nil
        let result = try engine.run(request) { event in
            guard streaming, case .text(let piece, _) = event else { return }
            out.write(Data(piece.utf8))
        }
        var text = json
            ? TextGeneration.json(result: result, modelPath: path, architecture: engine.configuration.architecture.rawValue,
                                  parameters: parameters, loadSeconds: loadSeconds)
            : result.text
        if !text.hasSuffix("\n") { text += "\n" }
        if let output {
            try AtomicFileWriter.write(Array(text.utf8), to: output)
            StandardError.print("ddx: wrote \(output)")
        } else if !streaming {
            out.write(Data(text.utf8))
        } else if !result.text.hasSuffix("\n") {
            out.write(Data("\n".utf8))
        }
        StandardError.print(TextGeneration.timingLine(result))
    }
}
