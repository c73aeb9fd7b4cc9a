import Foundation

/// One `ddx batch` run end to end: open the input, check the output folder's manifest, analyse every entry not yet
/// recorded (in parallel, with progress), then write the aggregate report from everything recorded.
///
/// ```swift
/// let result = try BatchJob(configuration: config, ontology: try LoadedOntology.loadDefault())
///     .run(cancellation: BatchCancellation(), log: { print($0) })
/// ```
public struct BatchJob: Sendable {
    /// What to run.
    public struct Configuration: Sendable {
        /// The JSONL file or folder.
        public var input: String
        /// The output folder.
        public var output: String
        public var fields: BatchFields
        public var threads: Int
        public var maxBytes: Int
        /// Start over even when the folder holds a run over something else.
        public var restart: Bool
        public var progress: ProgressMeter.Style

        public init(input: String, output: String, fields: BatchFields = BatchFields(),
                    threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                    maxBytes: Int = ReasoningInput.defaultMaxBytes, restart: Bool = false,
                    progress: ProgressMeter.Style = .silent) {
            self.input = input
            self.output = output
            self.fields = fields
            self.threads = threads
            self.maxBytes = maxBytes
            self.restart = restart
            self.progress = progress
        }
    }

    /// What a run did.
    public struct Result: Sendable {
        public var outcome: BatchRunner.Outcome
        /// Entries the input holds.
        public var entries: Int
        /// Records found from earlier runs.
        public var resumed: Int
        public var droppedTornLine: Bool
        public var manifest: BatchManifest
        /// The report's summary; nil when the run was interrupted (no report is written then).
        public var summary: BatchSummary?
        /// Seconds spent writing the report.
        public var reportSeconds: Double
    }

    public var configuration: Configuration
    public var ontology: LoadedOntology?

    public init(configuration: Configuration, ontology: LoadedOntology?) {
        self.configuration = configuration
        self.ontology = ontology
    }

    /// Runs the batch; `log` receives one-line progress messages (not the progress meter's output).
    public func run(cancellation: BatchCancellation, log: (String) -> Void = { _ in }) throws -> Result {
        let c = configuration
        let input = try BatchInput.open(path: c.input, fields: c.fields, maxBytes: c.maxBytes)
        if input.kind == .directory {
            let out = URL(fileURLWithPath: c.output).standardizedFileURL.resolvingSymlinksInPath().path
            if out == input.absolutePath || out.hasPrefix(input.absolutePath + "/") {
                throw InputError("\(c.output): the output folder must not be inside the input folder \(c.input)")
            }
        }
        let manifest = BatchManifest(input: try input.fingerprint(), fields: c.fields, ontology: ontology?.sourceNames ?? [])
        let journal = try BatchJournal.open(directory: c.output, manifest: manifest, restart: c.restart)
        let entries = try input.count()
        let ontologyText = ontology.map { "ontology \($0.sourceNames.joined(separator: ", ")) (\(ProgressMeter.grouped($0.index.concepts.count)) concepts)" } ?? "no ontology"
        log("ddx batch: \(c.input): \(ProgressMeter.grouped(entries)) \(input.kind == .jsonl ? "lines" : "files"); \(ontologyText); \(c.threads) thread\(c.threads == 1 ? "" : "s"); writing \(c.output)")
        if journal.resumedRecords > 0 || journal.droppedTornLine {
            var text = "ddx batch: resuming: \(ProgressMeter.grouped(journal.resumedRecords)) entries already recorded in \(journal.itemsPath)"
            if journal.droppedTornLine { text += " (dropped a torn last line left by an interrupted run)" }
            log(text)
        }
        let counters = BatchRunner.Counters()
        let meter = ProgressMeter(total: entries, style: c.progress)
        meter.start { (counters.doneCount, counters.processedCount) }
        var runner = BatchRunner(ontology: ontology?.index, fields: c.fields, maxBytes: c.maxBytes, threads: c.threads)
        runner.chunkSize = max(64, c.threads * 128)
        let outcome: BatchRunner.Outcome
        do {
            outcome = try runner.run(source: try input.makeSource(), journal: journal, cancellation: cancellation,
                                     counters: counters)
        } catch {
            meter.finish()
            try? journal.close()
            throw error
        }
        meter.finish()
        try journal.close()
        var result = Result(outcome: outcome, entries: entries, resumed: journal.resumedRecords,
                            droppedTornLine: journal.droppedTornLine, manifest: manifest, summary: nil, reportSeconds: 0)
        if outcome.interrupted { return result }
        let start = DispatchTime.now().uptimeNanoseconds
        result.summary = try BatchReportWriter.write(directory: c.output, manifest: manifest, threads: c.threads)
        result.reportSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }
}
