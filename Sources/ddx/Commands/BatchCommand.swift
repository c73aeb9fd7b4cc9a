import ArgumentParser
import Explorer
import Foundation

/// `ddx batch`: analyse thousands of reasoning texts (or generate them from questions first) and write an aggregate
/// report.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Analyse many reasoning texts (a JSONL file or a folder of .txt/.md files) and write an aggregate report.",
        discussion: """
        Each text is parsed, built into a graph, linked and verified against the loaded ontology; one record per text \
        goes to OUTDIR/items.jsonl, then OUTDIR gets summary.json, summary.md, items.csv, hops.csv and four SVG charts. \
        JSONL: the text is read from --text-field (default: the first of \(BatchFields.textFallbacks.joined(separator: ", ")) \
        present), the id from --id-field (else "line N"); with --answer-field the final answer is compared with the gold \
        answer (normalised match; a gold option letter A–J matches a named letter or, failing that, the option's text \
        from --options-field). Bad lines become per-item errors. A folder: every .txt/.md file, id = relative path. \
        Runs are resumable: rerun the same command after an interruption (Ctrl-C, a crash) and recorded entries are \
        skipped; a different input, field or ontology is refused unless --restart. \
        With --generate the JSONL lines hold questions (--question-field, default "question"; answer options from \
        --options-field are added to the prompt when --answer-field is given): each is sent to the model (--model FILE, \
        or --endpoint URL --model NAME for an OpenAI-compatible server such as vLLM, at most --concurrency requests at \
        a time), and the text it writes is analysed and recorded with the prompt, seed and token counts. Questions \
        already recorded are not sent again when a run resumes. Model-generated text, research and teaching only, not \
        clinical advice; "attested" means found in the loaded ontology.
        """)

    @Argument(help: ArgumentHelp("A JSONL file (one JSON object per line) or a folder of .txt/.md files.", valueName: "input"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The output folder (created if needed; reused to resume).", valueName: "dir"))
    var output: String

    @Option(name: .customLong("text-field"), help: ArgumentHelp("JSONL member holding the text (default: first present of \(BatchFields.textFallbacks.joined(separator: ", "))).", valueName: "name"))
    var textField: String?

    @Option(name: .customLong("id-field"), help: ArgumentHelp("JSONL member holding the item id (else the line number).", valueName: "name"))
    var idField: String = "id"

    @Option(name: .customLong("answer-field"), help: ArgumentHelp("JSONL member holding the gold answer; enables answer agreement.", valueName: "name"))
    var answerField: String?

    @Option(name: .customLong("options-field"), help: ArgumentHelp("JSONL member holding the answer options (object by letter, array, or 'A. …' lines).", valueName: "name"))
    var optionsField: String = "options"

    @OptionGroup var ontologies: OntologyOptions
    @OptionGroup var layout: LayoutOptions

    @Flag(name: .long, help: "Generate the texts: each JSONL line holds a question for the model (see --model, --endpoint, --concurrency).")
    var generate = false

    @Option(name: .customLong("question-field"), help: ArgumentHelp("With --generate: the JSONL member holding the question.", valueName: "name"))
    var questionField: String = "question"

    @Option(name: .long, help: ArgumentHelp("With --generate: most requests in flight (default: 4 with --endpoint, 1 for the in-process engine, which runs one at a time).", valueName: "n"))
    var concurrency: Int?

    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var prompt: PromptOptions

    @Option(name: .long, help: ArgumentHelp("With --generate: a copy of the Templates folder (DIR/prompts for the prompt templates).", valueName: "dir"))
    var templates: String?

    var threads: Int { model.threads }

    @Option(name: .long, help: ArgumentHelp("Largest text analysed, in bytes; larger ones are per-item errors.", valueName: "n"))
    var maxBytes: Int = ReasoningInput.defaultMaxBytes

    @Flag(name: .long, help: "Discard what OUTDIR holds and start over.")
    var restart = false

    @Flag(name: .shortAndLong, help: "No progress or status messages on standard error.")
    var quiet = false

    func validate() throws {
        if !generate {
            if model.model != nil || model.endpoint != nil {
                throw ValidationError("--model and --endpoint only apply with --generate (the input holds the texts otherwise)")
            }
            if concurrency != nil { throw ValidationError("--concurrency only applies with --generate") }
        } else if textField != nil {
            throw ValidationError("with --generate the input holds questions: name their member with --question-field")
        }
        if let concurrency, concurrency < 1 || concurrency > 1024 { throw ValidationError("--concurrency must be between 1 and 1024") }
        if questionField.isEmpty { throw ValidationError("--question-field must not be empty") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
        for (flag, name) in [("--text-field", textField), ("--id-field", idField), ("--answer-field", answerField),
                             ("--options-field", optionsField)] where name?.isEmpty == true {
            throw ValidationError("\(flag) must not be empty")
        }
    }

    func run() async throws {
        layout.apply()
        let fields = BatchFields(text: generate ? questionField : textField, id: idField, answer: answerField, options: optionsField)
        let config = BatchJob.Configuration(input: input, output: output, fields: fields, threads: threads,
                                            maxBytes: maxBytes, restart: restart,
                                            progress: ProgressMeter.defaultStyle(quiet: quiet))
        _ = try BatchInput.open(path: input, fields: fields, maxBytes: maxBytes)   // a missing input fails before loading
        let ontology = try ontologies.load()
        var generator: BatchGenerator?
        if generate {
            let template = try PromptTemplate.load(name: prompt.template, directory: TemplateLocator.promptsDirectory(explicit: templates))
            let spec = try model.spec()
            if case .local(let path, _, _) = spec, !quiet { StandardError.print("ddx: loading \(path) …") }
            let loaded = try LanguageModelLoader.load(spec)
            let configuration = ExplorerConfiguration(promptTemplate: template, systemPrompt: prompt.system, prefill: prompt.prefill,
                                                      parameters: sampling.parameters)
            generator = BatchGenerator(model: loaded, configuration: configuration,
                                       concurrency: concurrency ?? (model.isRemote ? 4 : 1))
            if !quiet {
                StandardError.print("ddx batch: generating with \(loaded.identity.summary), at most \(generator!.concurrency) request\(generator!.concurrency == 1 ? "" : "s") at a time; model-generated text, not clinical advice")
            }
        }
        let cancellation = BatchCancellation()
        let quiet = self.quiet
        let withdraw = cancellation.installInterruptHandler {
            if !quiet { StandardError.print("\nddx batch: stopping after the items under way (Ctrl-C again to kill)") }
        }
        defer { withdraw() }
        let job = BatchJob(configuration: config, ontology: ontology)
        let log: (String) -> Void = { line in if !quiet { StandardError.print(line) } }
        let result: BatchJob.Result
        if let generator {
            result = try await job.run(generating: generator, cancellation: cancellation, log: log)
        } else {
            result = try job.run(cancellation: cancellation, log: log)
        }
        let o = result.outcome
        let rate = o.seconds > 0 ? Double(o.recorded) / o.seconds : 0
        if let generator, !quiet {
            let c = generator.counts
            StandardError.print("ddx batch: generated \(ProgressMeter.grouped(c.texts)) texts (\(ProgressMeter.grouped(c.tokens)) tokens, \(BenchmarkStatistics.format(o.seconds > 0 ? Double(c.tokens) / o.seconds : 0, decimals: 1)) tokens/s overall); \(ProgressMeter.grouped(c.failures)) generation errors")
        }
        if o.interrupted {
            StandardError.print("ddx batch: interrupted: \(ProgressMeter.grouped(o.recorded)) entries recorded in this run, \(ProgressMeter.grouped(result.resumed + o.recorded)) of \(ProgressMeter.grouped(result.entries)) in all; nothing half-written. Run the same command again to resume.")
            throw ExitCode(130)
        }
        if !quiet {
            StandardError.print("ddx batch: \(ProgressMeter.grouped(o.analysed)) analysed, \(ProgressMeter.grouped(o.failed)) errors, \(ProgressMeter.grouped(o.skipped)) already recorded, in \(BenchmarkStatistics.format(o.seconds, decimals: 1)) s (\(BenchmarkStatistics.format(rate, decimals: 0)) texts/s); report in \(BenchmarkStatistics.format(result.reportSeconds, decimals: 1)) s")
            StandardError.print("ddx batch: report: \(output)/summary.md, summary.json, items.csv, hops.csv, chart-*.svg")
        }
        if let summary = result.summary { print(summary.brief) }
    }
}
