import ArgumentParser
import Explorer
import Foundation
import Inference

/// `ddx walkthrough`: a step-by-step teaching walkthrough of a case — HTML, optional SVG frames and a PDF handout.
struct WalkthroughCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walkthrough",
        abstract: "Write a step-by-step teaching walkthrough of a case: the case, each reasoning path hop by hop with its ontology verdict and the model's reasoning, the conclusion and the reference answer.",
        discussion: "CASE is a shipped case name (see Cases/, e.g. cough) or a case file (.yaml, .json). With --text FILE the model output in FILE is walked through; otherwise the model answers the case first (--model, or --endpoint for an OpenAI-compatible server). Writes a self-contained HTML page (-o, default ddx-out/walkthrough-CASE.html), and with --frames DIR one SVG per step (frame-001.svg, …) and with --pdf FILE a printable handout. Prints the paths written. Model-generated text for research and teaching, not clinical advice; \"attested\" only means found in the loaded ontology.")

    @Argument(help: ArgumentHelp("A case name in Cases/ (e.g. cough) or a case file.", valueName: "case"))
    var caseReference: String

    @Option(name: .long, help: ArgumentHelp("Walk through this model output instead of generating one.", valueName: "file"))
    var text: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (default: ddx-out/walkthrough-CASE.html).", valueName: "file.html"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write one SVG frame per step into this folder (frame-001.svg, …).", valueName: "dir"))
    var frames: String?

    @Option(name: .long, help: ArgumentHelp("Also write a printable PDF handout.", valueName: "file.pdf"))
    var pdf: String?

    @Option(name: .long, help: ArgumentHelp("Without --text: send the vignette, question and options (full), or only the question and options (question; small models answer a long vignette with prose instead of paths).", valueName: "full|question"))
    var casePrompt: CasePrompt = .full

    @OptionGroup var ontologies: OntologyOptions
    @OptionGroup var layout: LayoutOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions

    @OptionGroup var prompt: PromptOptions

    @Option(name: .long, help: ArgumentHelp("A copy of the Templates folder (DIR/walkthrough for the page, DIR/prompts for prompts); default: $DDX_TEMPLATES_DIR, else the shipped Templates.", valueName: "dir"))
    var templates: String?

    func validate() throws {
        if text != nil && (model.model != nil || model.endpoint != nil) {
            throw ValidationError("--text walks through a finished text; it excludes --model and --endpoint")
        }
        if let output, output == "-" { throw ValidationError("-o needs a file name (the walkthrough is a file, not a stream)") }
    }

    func run() async throws {
        layout.apply()
        let medicalCase = try CaseLibrary.load(caseReference)
        let htmlPath = output ?? "ddx-out/walkthrough-\(medicalCase.id).html"
        let exporter = try WalkthroughExporter(templateDirectory: templates.map { ($0 as NSString).appendingPathComponent("walkthrough") })
        var configuration = ExplorerConfiguration(ontology: try ontologies.load(), casePrompt: casePrompt)
        let exploration: Exploration
        if let text {
            let input = try ReasoningInput.read(path: text)
            exploration = try await DiagnosisExplorer(configuration: configuration, model: nil)
                .explore(.text(input, medicalCase: medicalCase))
        } else {
            configuration.promptTemplate = try PromptTemplate.load(name: prompt.template,
                                                                   directory: TemplateLocator.promptsDirectory(explicit: templates))
            configuration.systemPrompt = prompt.system
            configuration.prefill = prompt.prefill
            configuration.parameters = sampling.parameters
            let spec = try model.spec()
            if case .local(let path, _, _) = spec { StandardError.print("ddx: loading \(path) …") }
            let loaded = try LanguageModelLoader.load(spec)
            StandardError.print("ddx: \(loaded.identity.summary): answering case \(medicalCase.id); model-generated text, not clinical advice")
            exploration = try await DiagnosisExplorer(configuration: configuration, model: loaded)
                .explore(.medicalCase(medicalCase))
            if let t = exploration.metadata.timings {
                StandardError.print(String(format: "ddx: generated %d tokens (%.1f tokens/s); stop: %@", t.generatedTokens,
                                           t.generationTokensPerSecond, t.stopReason))
            }
        }
        let walkthrough = WalkthroughBuilder().build(exploration)
        let written = try exporter.write(walkthrough, html: htmlPath, frames: frames, pdf: pdf)
        for path in written { print(path) }
    }
}
