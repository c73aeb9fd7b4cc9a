import ArgumentParser
import Explorer
import Foundation
import GraphRendering
import Inference

/// `ddx compare`: two texts, or two models or seeds on one case or question, as one merged graph with provenance
/// colours, side by side in an HTML page (and DOT/SVG/… on request).
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two reasoning texts (or two models or seeds on one case): one merged graph coloured by where each node and hop comes from, each side's hop verdicts, where the paths part, and whether the final answers agree.",
        discussion: """
        Model-generated text for research and teaching, not clinical advice; "attested" means only that a hop was found in the loaded ontology.

        Either give two text files (ddx compare A.txt B.txt; --case or --question then only give context), or generate both on a case or question: --case NAME|FILE or --question TEXT with two models (--model X --model Y; with --endpoint, server model names; two --endpoint values give each side its own server) or two seeds (--seed 1 --seed 2). A single --model, --endpoint or --seed is shared by both sides; without a seed one random seed is drawn and shared.

        Nodes merge when the parser gives them the same id, or when both sides link them to the same ontology concept. The page shows the merged graph (blue: only A, orange: only B, grey: both; line styles follow the ontology verdict), both texts side by side (click a node to see its lines in both), where each path of A parts from the closest path of B, every hop with each side's verdict, both final answers and both runs' metadata. Without -o it goes to ddx-out/compare-NAME.html. --export svg,png,pdf,dot,mmd,json (or all) writes the merged diagram beside it, with both runs' metadata embedded. Only the page's path is printed on standard output.
        """)

    @Argument(help: ArgumentHelp("Two model outputs to compare (omit to generate them).", valueName: "text"))
    var texts: [String] = []

    @Option(name: .customLong("case"), help: ArgumentHelp("A teaching case: a .yaml/.json file, or a name in Cases/ (e.g. cough).", valueName: "name|file"))
    var caseReference: String?

    @Option(name: .long, help: ArgumentHelp("The question to generate both answers for (with two texts: the question they answer, for context).", valueName: "text"))
    var question: String?

    @Option(name: .customLong("model"), help: ArgumentHelp("A GGUF model file, or with --endpoint a server's model name; give it twice for two models (A first).", valueName: "file.gguf|name"))
    var models: [String] = []

    @Option(name: .customLong("endpoint"), help: ArgumentHelp("An OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1); give it twice for a server per side.", valueName: "url"))
    var endpoints: [String] = []

    @Option(name: .customLong("seed"), help: ArgumentHelp("A random seed; give it twice to compare two runs of one model.", valueName: "n"))
    var seeds: [UInt64] = []

    @OptionGroup var engine: EngineOptions
    @OptionGroup var sampling: SamplingSettings
    @OptionGroup var prompt: PromptOptions

    @Option(name: .long, help: ArgumentHelp("With --case: send the vignette, question and options (full), or only the question and options (question).", valueName: "full|question"))
    var casePrompt: CasePrompt = .full

    @OptionGroup var ontologies: OntologyOptions
    @OptionGroup var layout: LayoutOptions

    @Option(name: .long, help: ArgumentHelp("A copy of the Templates folder (DIR/compare and DIR/report for the page, DIR/prompts for prompts); default: $DDX_TEMPLATES_DIR, else the shipped Templates.", valueName: "dir"))
    var templates: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The page to write (default: ddx-out/compare-NAME.html).", valueName: "file.html"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write the merged diagram beside the page: a comma-separated list of svg, png, pdf, dot, mmd, json, or all.", valueName: "formats"))
    var export: String?

    @Option(name: .long, help: ArgumentHelp("With two texts: refuse inputs larger than this many bytes.", valueName: "n"))
    var maxBytes: Int = ReasoningInput.defaultMaxBytes

    func validate() throws {
        if !texts.isEmpty {
            guard texts.count == 2 else { throw ValidationError("give two texts to compare (got \(texts.count))") }
            if !models.isEmpty || !endpoints.isEmpty || !seeds.isEmpty {
                throw ValidationError("two texts are compared as written; --model, --endpoint and --seed only apply when generating")
            }
            if texts.filter({ $0 == "-" }).count > 1 { throw ValidationError("only one of the texts can be standard input (-)") }
        } else {
            if caseReference == nil && question == nil {
                throw ValidationError("give two texts, or --case NAME|FILE or --question TEXT with two models (--model X --model Y) or two seeds (--seed 1 --seed 2)")
            }
            if caseReference != nil && question != nil { throw ValidationError("give --case or --question, not both") }
            do { _ = try plan() } catch let error as InputError { throw ValidationError(error.description) }
        }
        if output == "-" { throw ValidationError("the page must be written to a file (-o FILE.html); its path is printed") }
        if let export { do { _ = try ExportSet.formats(export) } catch let e as InputError { throw ValidationError(e.description) } }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    }

    private func plan() throws -> ComparisonRunPlan {
        try ComparisonRunPlan(models: models, endpoints: endpoints, seeds: seeds)
    }

    func run() async throws {
        layout.apply()
        let formats = try export.map(ExportSet.formats) ?? []
        let report = try CompareReport(templatesDirectory: templates)
        let medicalCase = try caseReference.map { try CaseLibrary.load($0) }
        let ontology = try ontologies.load()
        if ontology == nil && !ontologies.noOntology {
            StandardError.print("ddx: note: no ontology found (shipped Ontologies/ folder missing); nodes are not linked, so they merge only by name")
        }

        let a: Exploration, b: Exploration, nameA: String, nameB: String
        if texts.count == 2 {
            let explorer = DiagnosisExplorer(configuration: ExplorerConfiguration(ontology: ontology), model: nil)
            var sides: [Exploration] = []
            for path in texts {
                let input = try ReasoningInput.read(path: path, maxBytes: maxBytes)
                sides.append(try await explorer.explore(.text(input, question: question, medicalCase: medicalCase)))
            }
            (a, b) = (sides[0], sides[1])
            (nameA, nameB) = Self.sideNames(texts)
        } else {
            let plan = try plan()
            if plan.a.model == plan.b.model && plan.a.endpoint == plan.b.endpoint && sampling.temperature == 0 {
                StandardError.print("ddx: note: with --temperature 0 both seeds give the same text")
            }
            let template = try PromptTemplate.load(name: prompt.template, directory: TemplateLocator.promptsDirectory(explicit: templates))
            let source: ExplorationSource = medicalCase.map { .medicalCase($0) } ?? .question(question ?? "")
            var loaded: (spec: ComparisonRunPlan.Run, model: LoadedLanguageModel)?
            var sides: [Exploration] = []
            for (letter, run) in [("A", plan.a), ("B", plan.b)] {
                // The same model file or server is loaded once and kept for side B.
                if loaded == nil || loaded!.spec.model != run.model || loaded!.spec.endpoint != run.endpoint {
                    loaded = nil
                    let spec = try engine.spec(model: run.model, endpoint: run.endpoint)
                    if case .local(let path, _, _) = spec { StandardError.print("ddx: loading \(path) …") }
                    loaded = (run, try LanguageModelLoader.load(spec))
                }
                let configuration = ExplorerConfiguration(promptTemplate: template, systemPrompt: prompt.system, prefill: prompt.prefill,
                                                          parameters: sampling.parameters(seed: run.seed), ontology: ontology,
                                                          casePrompt: casePrompt)
                StandardError.print("ddx: side \(letter): \(loaded!.model.identity.summary), seed \(run.seed.map(String.init) ?? "random"); generating (model-generated text, not clinical advice)")
                let exploration = try await DiagnosisExplorer(configuration: configuration, model: loaded!.model).explore(source)
                if let t = exploration.metadata.timings {
                    StandardError.print(String(format: "ddx: side %@: %d tokens at %.1f tokens/s; stop: %@", letter, t.generatedTokens,
                                               t.generationTokensPerSecond, t.stopReason))
                }
                sides.append(exploration)
            }
            (a, b) = (sides[0], sides[1])
            (nameA, nameB) = (plan.a.name, plan.b.name)
        }

        let comparison = ComparisonBuilder().compare(a, b)
        let path = output ?? Self.defaultOutputPath(texts: texts, caseID: medicalCase?.id, question: question)
        let written = try report.write(comparison, sideA: nameA, sideB: nameB, to: path, exports: formats)
        print(path)
        for exportPath in written { StandardError.print("ddx: wrote \(exportPath)") }
        let onlyA = comparison.count(.onlyA), onlyB = comparison.count(.onlyB), both = comparison.count(.both)
        StandardError.print("ddx: A \(a.analysis.graph.paths.count) paths, B \(b.analysis.graph.paths.count) paths; nodes: \(both.nodes) shared, \(onlyA.nodes) only A, \(onlyB.nodes) only B; hops: \(both.hops) shared, \(onlyA.hops) only A, \(onlyB.hops) only B; final answers: \(comparison.answers.rawValue)")
    }

    /// Side names for two texts: their file names, with the folder added when the names are the same.
    static func sideNames(_ paths: [String]) -> (String, String) {
        func name(_ p: String) -> String { p == "-" ? "stdin" : (p as NSString).lastPathComponent }
        let (x, y) = (name(paths[0]), name(paths[1]))
        guard x == y else { return (x, y) }
        return (paths[0], paths[1])
    }

    /// `ddx-out/compare-NAME.html`: NAME is the case id, else a slug of the question, else both file names.
    static func defaultOutputPath(texts: [String], caseID: String?, question: String?) -> String {
        var name = caseID.map(ExploreReport.slug) ?? question.map(ExploreReport.slug) ?? ""
        if name.isEmpty, texts.count == 2 {
            let stems = texts.map { ExploreReport.slug((($0 as NSString).lastPathComponent as NSString).deletingPathExtension) }
            name = stems.joined(separator: "-vs-")
        }
        return "ddx-out/compare-" + (name.isEmpty ? "texts" : name) + ".html"
    }
}
