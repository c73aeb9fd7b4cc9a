import ArgumentParser
import Explorer
import Foundation
import GraphRendering
import Inference

/// `ddx explore`: generate (or read) a reasoning text, parse, link, verify and render it into one self-contained HTML
/// report, plus diagram exports on request.
struct ExploreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Generate a reasoning text for a question or case (or read one) and write an interactive HTML report of its paths.",
        discussion: """
        Model-generated text for research and teaching, not clinical advice; "attested" means only that a hop was found in the loaded ontology.

        The source is a question, --case NAME_OR_FILE (a file, or a name in the shipped Cases/ folder), or --text FILE (a text already written; then no model is loaded, and --question or --case only give context). The report is one HTML file that needs nothing else (no network, no external files): the text with its sections and line numbers, the graph (click a node or hop to see its lines, a path line to trace the path, hover for concepts and verdicts), a summary and the run metadata.

        Without -o the report goes to ddx-out/NAME.html (NAME: the text file's name, else the case id, else a slug of the question). --export svg,png,pdf,dot,mmd,json (or all) writes the diagram beside the report with the same base name; every file carries the run metadata. Files are written all or nothing. On success only the report's path is printed on standard output; progress, export paths and a grounding summary go to standard error.
        """)

    @Argument(help: "The question to send to the model.")
    var question: String?

    @Option(name: .customLong("case"), help: ArgumentHelp("A teaching case: a .yaml/.json file, or a name in Cases/ (e.g. cough).", valueName: "name|file"))
    var caseReference: String?

    @Option(name: .long, help: ArgumentHelp("Analyse this text instead of generating one (- for standard input).", valueName: "file"))
    var text: String?

    @Option(name: .customLong("question"), help: ArgumentHelp("With --text: the question the text answers (context for the report).", valueName: "text"))
    var contextQuestion: String?

    @Option(name: .long, help: ArgumentHelp("With --case: send the vignette, question and options (full), or only the question and options (question; small models such as SmolLM2-135M answer a long vignette with prose instead of paths).", valueName: "full|question"))
    var casePrompt: CasePrompt = .full

    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var ontologies: OntologyOptions
    @OptionGroup var layout: LayoutOptions

    @OptionGroup var prompt: PromptOptions

    @Option(name: .long, help: ArgumentHelp("A copy of the Templates folder (DIR/report for the report, DIR/prompts for prompts); default: $DDX_TEMPLATES_DIR, else the shipped Templates.", valueName: "dir"))
    var templates: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The report file (default: ddx-out/NAME.html).", valueName: "file.html"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write the diagram beside the report: a comma-separated list of svg, png, pdf, dot, mmd, json, or all.", valueName: "formats"))
    var export: String?

    @Option(name: .long, help: ArgumentHelp("With --text: refuse inputs larger than this many bytes.", valueName: "n"))
    var maxBytes: Int = ReasoningInput.defaultMaxBytes

    func validate() throws {
        let sources = [question != nil, caseReference != nil && text == nil, text != nil].filter { $0 }.count
        if sources == 0 { throw ValidationError("give a question, --case NAME_OR_FILE or --text FILE") }
        if text != nil && question != nil {
            throw ValidationError("with --text, give the question as --question TEXT (context only; nothing is generated)")
        }
        if question != nil && caseReference != nil { throw ValidationError("give a question or --case, not both") }
        if contextQuestion != nil && text == nil { throw ValidationError("--question only applies with --text; otherwise give the question as the argument") }
        if output == "-" { throw ValidationError("the report must be written to a file (-o FILE.html); its path is printed") }
        if let export { do { _ = try ExportSet.formats(export) } catch let e as InputError { throw ValidationError(e.description) } }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    func run() async throws {
        layout.apply()
        let formats = try export.map(ExportSet.formats) ?? []
        // Everything that can fail fast does so before a model is loaded.
        let report = try ExploreReport(reportDirectory: try TemplateLocator.reportDirectory(explicit: templates))
        let medicalCase = try caseReference.map { try CaseLibrary.load($0) }
        let ontology = try ontologies.load()
        if ontology == nil && !ontologies.noOntology {
            StandardError.print("ddx: note: no ontology found (shipped Ontologies/ folder missing); nodes are not linked")
        }

        let exploration: Exploration
        if let text {
            let input = try ReasoningInput.read(path: text, maxBytes: maxBytes)
            let explorer = DiagnosisExplorer(configuration: ExplorerConfiguration(ontology: ontology), model: nil)
            exploration = try await explorer.explore(.text(input, question: contextQuestion, medicalCase: medicalCase))
        } else {
            let promptTemplate = try PromptTemplate.load(name: prompt.template, directory: TemplateLocator.promptsDirectory(explicit: templates))
            let spec = try model.spec()
            if case .local(let path, _, _) = spec { StandardError.print("ddx: loading \(path) …") }
            let loaded = try LanguageModelLoader.load(spec)
            StandardError.print("ddx: \(loaded.identity.summary) ready in \(Int(loaded.loadSeconds * 1000)) ms; generating (model-generated text, not clinical advice)")
            let configuration = ExplorerConfiguration(promptTemplate: promptTemplate, systemPrompt: prompt.system, prefill: prompt.prefill,
                                                      parameters: sampling.parameters, ontology: ontology,
                                                      casePrompt: casePrompt)
            let explorer = DiagnosisExplorer(configuration: configuration, model: loaded)
            let progress = GenerationProgress()
            let source: ExplorationSource = medicalCase.map { .medicalCase($0) } ?? .question(question ?? "")
            exploration = try await explorer.explore(source) { progress.handle($0) }
            progress.finish()
        }

        let path = output ?? ExploreReport.defaultOutputPath(textPath: text, caseID: medicalCase?.id,
                                                             question: contextQuestion ?? question ?? medicalCase?.question)
        let written = try report.write(exploration, to: path, exports: formats)
        print(path)
        for exportPath in written { StandardError.print("ddx: wrote \(exportPath)") }
        let analysis = exploration.analysis
        let graph = analysis.graph
        if graph.nodes.isEmpty {
            StandardError.print("ddx: note: no reasoning paths found in \(analysis.input.sourceName); the report shows the text without a graph")
        }
        if let summary = analysis.grounding?.summary {
            StandardError.print("ddx: \(graph.paths.count) path\(graph.paths.count == 1 ? "" : "s"); grounding: \(GroundingText.summaryLine(summary))")
        } else {
            StandardError.print("ddx: \(graph.paths.count) path\(graph.paths.count == 1 ? "" : "s"), \(graph.nodes.count) nodes, \(graph.edges.count) hops (no ontology: not grounded)")
        }
    }
}

/// Generation progress on standard error: tokens and tokens/s, redrawn in place on a terminal, a line every few
/// seconds otherwise, and the final timing line.
private final class GenerationProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal = isatty(2) != 0
    private var tokens = 0
    private var started: Double?
    private var lastPrint = 0.0
    private var result: GenerationResult?

    func handle(_ event: GenerationEvent) {
        lock.lock(); defer { lock.unlock() }
        let now = MonotonicClock.seconds()
        switch event {
        case .promptProcessed(let count, let seconds):
            started = now
            lastPrint = now
            StandardError.print(String(format: "ddx: prompt %d tokens in %.0f ms (%.1f tokens/s)", count, seconds * 1000,
                                       Double(count) / max(seconds, 1e-9)))
        case .text:
            if started == nil { started = now; lastPrint = now }
            tokens += 1
            let interval = terminal ? 0.25 : 5
            if now - lastPrint >= interval, let started {
                lastPrint = now
                let line = String(format: "ddx: generating: %d tokens, %.1f tokens/s", tokens, Double(tokens) / max(now - started, 1e-9))
                if terminal {
                    FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
                } else {
                    StandardError.print(line)
                }
            }
        case .finished(let r):
            result = r
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if terminal && tokens > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        guard let r = result else { return }
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        StandardError.print("ddx: generated \(r.generatedTokenTotal) tokens in \(f(r.generationSeconds * 1000)) ms (\(f(r.generationTokensPerSecond)) tokens/s); stop: \(r.stopReason.rawValue); seed \(r.seed)")
    }
}

extension CasePrompt: ExpressibleByArgument {}
