import ArgumentParser
import Explorer
import Foundation
import Inference
import Serving

/// `ddx generate`: run the in-process model (or a server's, with `--endpoint`) on a question and stream the answer.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a reasoning text with the in-process model (GGUF on the CPU) or an OpenAI-compatible server, streamed as it is produced.",
        discussion: "Model-generated text for research and teaching, not clinical advice. With --template medreason (the default) the system prompt asks for MedReason's structure (## Thinking, ### Finding Reasoning Paths: with A -> B -> C lines, ### Reasoning Process:, ### Conclusion:, ## Final Response); --prefill starts the assistant turn with those headers. Timings go to standard error. With --endpoint URL --model NAME the text comes from that server (vLLM, llama.cpp server, Ollama, …): the prefill is sent as a final assistant message to continue, --raw uses /v1/completions, and the API key is read from $DDX_API_KEY (or --api-key-env).")

    @Argument(help: "The question (or, with --raw, the whole prompt).")
    var question: String

    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions

    @OptionGroup var prompt: PromptOptions

    @Option(name: .long, help: ArgumentHelp("Folder of prompt templates (default: the shipped Templates/prompts).", valueName: "dir"))
    var templates: String?

    @Flag(help: "Feed the text as-is: no chat template, BOS only if the model file asks for it.")
    var raw: Bool = false

    @Flag(help: "Print one JSON object (prompt_tokens, tokens, text, timings) instead of streaming text.")
    var json: Bool = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the text (or the JSON) to this file, atomically, instead of streaming it to standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        if model.isRemote { return try await runRemote() }
        let path = try model.resolvedPath()
        let promptTemplate = raw ? nil : try PromptTemplate.load(name: prompt.template, directory: templates)
        let parameters = sampling.parameters
        let request = TextGeneration.request(question: question, template: promptTemplate, system: prompt.system,
                                             prefill: prompt.prefill, raw: raw, parameters: parameters)
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

    /// Generation on a server: the same request, text streamed as the server sends it.
    private func runRemote() async throws {
        let spec = try model.spec()
        let promptTemplate = raw ? nil : try PromptTemplate.load(name: prompt.template, directory: templates)
        let parameters = sampling.parameters
        let request = TextGeneration.request(question: question, template: promptTemplate, system: prompt.system,
                                             prefill: prompt.prefill, raw: raw, parameters: parameters)
        let loaded = try LanguageModelLoader.load(spec)
        StandardError.print("ddx: \(loaded.identity.summary) (OpenAI-compatible server); model-generated text, not clinical advice")
        let out = FileHandle.standardOutput
        let streaming = !json && output == nil
        var finished: GenerationResult?
        for try await event in loaded.model.generate(request) {
            switch event {
            case .text(let piece, _):
                if streaming { out.write(Data(piece.utf8)) }
            case .finished(let result):
                finished = result
            case .promptProcessed:
                break
            }
        }
        guard let result = finished else { throw InputError("\(loaded.identity.summary): the generation ended without a result") }
        var text = json ? Self.remoteJSON(result: result, identity: loaded.identity, parameters: parameters) : result.text
        if !text.hasSuffix("\n") { text += "\n" }
        if let output {
            try AtomicFileWriter.write(Array(text.utf8), to: output)
            StandardError.print("ddx: wrote \(output)")
        } else if !streaming {
            out.write(Data(text.utf8))
        } else if !result.text.hasSuffix("\n") {
            out.write(Data("\n".utf8))
        }
        StandardError.print(Self.remoteTimingLine(result))
    }

    /// `--json` for a server's answer: the local engine's keys, `architecture` null, `engine` and `endpoint` added,
    /// empty id arrays and the token counts the server reported (null when it reported none).
    static func remoteJSON(result r: GenerationResult, identity: ModelIdentity, parameters p: GenerationParameters) -> String {
        func string(_ s: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        func number(_ x: Double) -> String {
            guard x.isFinite else { return "0" }
            var text = String(format: "%.3f", x)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
        func float(_ x: Float) -> String { number(Double("\(x)") ?? Double(x)) }
        func count(_ n: Int?) -> String { n.map(String.init) ?? "null" }
        let stops = "[" + p.stopStrings.map(string).joined(separator: ",") + "]"
        return """
        {"model":\(string(identity.name)),"architecture":null,"engine":\(string(identity.engine)),\
        "endpoint":\(string(identity.endpoint ?? "")),\
        "prompt":\(string(r.prompt)),"prompt_tokens":[],"tokens":[],\
        "prompt_token_count":\(count(r.promptTokenCount)),"generated_token_count":\(count(r.generatedTokenCount)),\
        "text":\(string(r.text)),"stop_reason":"\(r.stopReason.rawValue)","seed":\(r.seed),\
        "sampling":{"temperature":\(float(p.temperature)),"top_k":\(p.topK),"top_p":\(float(p.topP)),\
        "min_p":\(float(p.minP)),"repeat_penalty":\(float(p.repetitionPenalty)),\
        "max_tokens":\(p.maxTokens),"stop":\(stops)},\
        "timings":{"load_s":0,"prompt_s":\(number(r.promptSeconds)),\
        "prompt_tokens_per_s":\(number(r.promptTokensPerSecond)),"generation_s":\(number(r.generationSeconds)),\
        "generation_tokens_per_s":\(number(r.generationTokensPerSecond))}}
        """
    }

    /// The stderr line after a server's answer: counts as reported, time to first text, generation speed.
    static func remoteTimingLine(_ r: GenerationResult) -> String {
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        let prompt = r.promptTokenCount.map { "\($0) tokens" } ?? "? tokens"
        let generated = r.generatedTokenCount.map { "\($0) tokens in \(f(r.generationSeconds * 1000)) ms (\(f(r.generationTokensPerSecond)) tokens/s)" }
            ?? "in \(f(r.generationSeconds * 1000)) ms"
        return "ddx: prompt \(prompt), first text after \(f(r.promptSeconds * 1000)) ms; generated \(generated); stop: \(r.stopReason.rawValue)"
    }
}
