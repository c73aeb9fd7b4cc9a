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
        let prepared = try prepare(generation: nil, log: log)
        var runner = BatchRunner(ontology: ontology?.index, fields: configuration.fields, maxBytes: configuration.maxBytes,
                                 threads: configuration.threads)
        runner.chunkSize = max(64, configuration.threads * 128)
        let outcome: BatchRunner.Outcome
        do {
            outcome = try runner.run(source: try prepared.input.makeSource(), journal: prepared.journal,
                                     cancellation: cancellation, counters: prepared.counters)
        } catch {
            prepared.meter.finish()
            try? prepared.journal.close()
            throw error
        }
        return try finish(prepared, outcome: outcome)
    }

    /// Runs the batch over a JSONL file of questions: `generator` writes each text (several requests at a time),
    /// then it is analysed and recorded like any batch item. Questions already recorded are skipped before anything
    /// is generated; on a stop request the generations under way finish and are recorded, the rest are left for the
    /// next run.
    public func run(generating generator: BatchGenerator, cancellation: BatchCancellation,
                    log: (String) -> Void = { _ in }) async throws -> Result {
        let c = configuration
        let prepared = try prepare(generation: generator.manifestDescription, log: log)
        guard prepared.input.kind == .jsonl else {
            prepared.meter.finish()
            try? prepared.journal.close()
            throw InputError("\(c.input): --generate reads questions from a JSONL file, not a folder")
        }
        let runner = BatchRunner(ontology: ontology?.index, fields: c.fields, maxBytes: c.maxBytes, threads: c.threads)
        // Analysis of a finished chunk is never interrupted: what was generated is always recorded.
        let analysisCancellation = BatchCancellation()
        var total = BatchRunner.Outcome()
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let source = try prepared.input.makeSource()
            while !cancellation.isRequested {
                let entries = try source.next(limit: max(8, generator.concurrency * 4))
                if entries.isEmpty { break }
                var ready: [BatchEntry] = []
                var questions: [BatchItem] = []
                for entry in entries {
                    switch entry.item(fields: c.fields, maxBytes: c.maxBytes) {
                    case .failure(let failure):
                        ready.append(BatchEntry(line: entry.line, payload: .unreadable(id: failure.id, message: failure.message)))
                    case .success(let question):
                        if prepared.journal.contains(BatchJournal.key(line: question.line, id: question.id)) {
                            ready.append(BatchEntry(line: question.line, payload: .item(question)))   // skipped by the runner
                        } else {
                            questions.append(question)
                        }
                    }
                }
                for generated in await generator.generate(questions, cancellation: cancellation) {
                    switch generated {
                    case .success(let item)?: ready.append(BatchEntry(line: item.line, payload: .item(item)))
                    case .failure(let failure)?:
                        ready.append(BatchEntry(line: failure.line, payload: .unreadable(id: failure.id, message: failure.message)))
                    case nil: break
                    }
                }
                ready.sort { ($0.line ?? 0) < ($1.line ?? 0) }
                let outcome = try runner.run(source: BatchEntryList(ready), journal: prepared.journal,
                                             cancellation: analysisCancellation, counters: prepared.counters)
                total.analysed += outcome.analysed
                total.failed += outcome.failed
                total.skipped += outcome.skipped
                for (field, n) in outcome.textFields { total.textFields[field, default: 0] += n }
            }
        } catch {
            prepared.meter.finish()
            try? prepared.journal.close()
            throw error
        }
        total.interrupted = cancellation.isRequested
        total.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return try finish(prepared, outcome: total)
    }

    private struct Prepared {
        var input: BatchInput
        var manifest: BatchManifest
        var journal: BatchJournal
        var entries: Int
        var counters: BatchRunner.Counters
        var meter: ProgressMeter
    }

    /// Opens the input and the output folder (checking its manifest), logs the plan and starts the progress meter.
    private func prepare(generation: String?, log: (String) -> Void) throws -> Prepared {
        let c = configuration
        let input = try BatchInput.open(path: c.input, fields: c.fields, maxBytes: c.maxBytes)
        if input.kind == .directory {
            let out = URL(fileURLWithPath: c.output).standardizedFileURL.resolvingSymlinksInPath().path
            if out == input.absolutePath || out.hasPrefix(input.absolutePath + "/") {
                throw InputError("\(c.output): the output folder must not be inside the input folder \(c.input)")
            }
        }
        let manifest = BatchManifest(input: try input.fingerprint(), fields: c.fields, ontology: ontology?.sourceNames ?? [],
                                     generation: generation)
        let journal = try BatchJournal.open(directory: c.output, manifest: manifest, restart: c.restart)
        let entries = try input.count()
        let ontologyText = ontology.map { "ontology \($0.sourceNames.joined(separator: ", ")) (\(ProgressMeter.grouped($0.index.concepts.count)) concepts)" } ?? "no ontology"
        let what = generation == nil ? (input.kind == .jsonl ? "lines" : "files") : "questions"
        log("ddx batch: \(c.input): \(ProgressMeter.grouped(entries)) \(what); \(ontologyText); \(c.threads) thread\(c.threads == 1 ? "" : "s"); writing \(c.output)")
        if journal.resumedRecords > 0 || journal.droppedTornLine {
            var text = "ddx batch: resuming: \(ProgressMeter.grouped(journal.resumedRecords)) entries already recorded in \(journal.itemsPath)"
            if journal.droppedTornLine { text += " (dropped a torn last line left by an interrupted run)" }
            log(text)
        }
        let counters = BatchRunner.Counters()
        let meter = ProgressMeter(total: entries, style: c.progress)
        meter.start { (counters.doneCount, counters.processedCount) }
        return Prepared(input: input, manifest: manifest, journal: journal, entries: entries, counters: counters, meter: meter)
    }

    /// Stops the meter, closes the journal and, unless the run was interrupted, writes the report.
    private func finish(_ p: Prepared, outcome: BatchRunner.Outcome) throws -> Result {
        p.meter.finish()
        try p.journal.close()
        var result = Result(outcome: outcome, entries: p.entries, resumed: p.journal.resumedRecords,
                            droppedTornLine: p.journal.droppedTornLine, manifest: p.manifest, summary: nil, reportSeconds: 0)
        if outcome.interrupted { return result }
        let start = DispatchTime.now().uptimeNanoseconds
        result.summary = try BatchReportWriter.write(directory: configuration.output, manifest: p.manifest,
                                                     threads: configuration.threads)
        result.reportSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }
}
