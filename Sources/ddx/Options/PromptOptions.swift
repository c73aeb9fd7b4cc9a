import ArgumentParser

/// How the question is put to the model: the prompt template, an optional system message, and whether the assistant
/// turn starts with the template's section headers. (Where the templates come from is each command's `--templates`.)
struct PromptOptions: ParsableArguments {
    @Option(name: .long, help: "Prompt template from Templates/prompts: medreason or plain.")
    var template: String = "medreason"

    @Option(name: .long, help: "System message (overrides the template's).")
    var system: String?

    @Flag(inversion: .prefixedNo, help: "Start the assistant turn with the template's section headers.")
    var prefill: Bool = true
}
