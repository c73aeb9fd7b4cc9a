import Foundation
import Inference
import Tokenization

/// The `ddx generate` use case: a question plus a prompt template becomes a `GenerationRequest`; a result becomes
/// the `--json` object and the timing line.
public enum TextGeneration {
    /// The request for `question`: system message from `system` (else the template's), the template's prefill
    /// when `prefill`, or the question as-is when `raw`.
    public static func request(question: String, template: PromptTemplate?, system: String?, prefill: Bool,
                               raw: Bool, parameters: GenerationParameters) -> GenerationRequest {
        if raw { return GenerationRequest(rawPrompt: question, parameters: parameters) }
        var messages: [ChatMessage] = []
        let systemText = system ?? template?.system ?? ""
        if !systemText.isEmpty { messages.append(ChatMessage(role: "system", content: systemText)) }
        messages.append(ChatMessage(role: "user", content: question))
        return GenerationRequest(messages: messages, assistantPrefill: prefill ? (template?.prefill ?? "") : "",
                                 parameters: parameters)
    }

    /// One JSON object: model, prompt, `prompt_tokens` (ids), `tokens` (generated ids), `text`, stop reason,
    /// seed, sampling parameters and timings.
    public static func json(result r: GenerationResult, modelPath: String, architecture: String,
                            parameters p: GenerationParameters, loadSeconds: Double) -> String {
        func ids(_ a: [Int]) -> String { "[" + a.map(String.init).joined(separator: ",") + "]" }
        func number(_ x: Double) -> String { JSONText.number(x) }
        let name = (modelPath as NSString).lastPathComponent
        let stops = "[" + p.stopStrings.map(JSONText.string).joined(separator: ",") + "]"
        return """
        {"model":\(JSONText.string(name)),"architecture":\(JSONText.string(architecture)),\
        "prompt":\(JSONText.string(r.prompt)),"prompt_tokens":\(ids(r.promptTokens)),"tokens":\(ids(r.tokens)),\
        "text":\(JSONText.string(r.text)),"stop_reason":"\(r.stopReason.rawValue)","seed":\(r.seed),\
        "sampling":{"temperature":\(number(Double(p.temperature))),"top_k":\(p.topK),"top_p":\(number(Double(p.topP))),\
        "min_p":\(number(Double(p.minP))),"repeat_penalty":\(number(Double(p.repetitionPenalty))),\
        "max_tokens":\(p.maxTokens),"stop":\(stops)},\
        "timings":{"load_s":\(number(loadSeconds)),"prompt_s":\(number(r.promptSeconds)),\
        "prompt_tokens_per_s":\(number(r.promptTokensPerSecond)),"generation_s":\(number(r.generationSeconds)),\
        "generation_tokens_per_s":\(number(r.generationTokensPerSecond))}}
        """
    }

    /// The line printed on standard error after a generation.
    public static func timingLine(_ r: GenerationResult) -> String {
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        return "ddx: prompt \(r.promptTokenTotal) tokens in \(f(r.promptSeconds * 1000)) ms (\(f(r.promptTokensPerSecond)) tokens/s); generated \(r.generatedTokenTotal) tokens in \(f(r.generationSeconds * 1000)) ms (\(f(r.generationTokensPerSecond)) tokens/s); stop: \(r.stopReason.rawValue); seed \(r.seed)"
    }
}
