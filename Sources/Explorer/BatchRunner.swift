import Dispatch
import Ontology
import ReasoningPaths
import Synchronization

/// Analyses every entry of a batch input on several cores and appends one record per entry to a `BatchJournal`.
///
/// Entries are taken a chunk at a time; within a chunk the workers pull items one by one (so slow and fast texts
/// balance), and the finished records are committed in input order at the end of the chunk. Entries the journal
/// already holds are skipped without being decoded. On a stop request (SIGINT) the workers take no new item, the
/// ones under way finish and are written, and the run returns with `interrupted` set.
///
/// The runner takes entries, not files: a caller that produces texts itself (a model generating from a question
/// field) hands over `BatchEntry(line:payload: .item(BatchItem(…)))` values through a `BatchEntrySource`. Such a
/// source should skip entries whose `BatchJournal.key(line:id:)` the journal already `contains` before generating,
/// so that a resumed run does not generate recorded items again.
///
/// ```swift
/// let runner = BatchRunner(ontology: loaded.index, fields: fields, threads: 2)
/// let outcome = try runner.run(source: try input.makeSource(), journal: journal, cancellation: BatchCancellation())
/// ```
public struct BatchRunner: Sendable {
    /// What a run did.
    public struct Outcome: Sendable, Equatable {
        /// Entries analysed and recorded in this run.
        public var analysed = 0
        /// Entries recorded as errors in this run.
        public var failed = 0
        /// Entries skipped because an earlier run recorded them.
        public var skipped = 0
        /// Whether the run stopped early on request.
        public var interrupted = false
        /// Wall-clock seconds.
        public var seconds = 0.0
        /// Items per text field they were read from (JSONL input).
        public var textFields: [String: Int] = [:]

        /// Entries recorded in this run.
        public var recorded: Int { analysed + failed }
    }

    /// Live counts for a progress display.
    public final class Counters: Sendable {
        let done = Atomic<Int>(0)
        let processed = Atomic<Int>(0)
        public init() {}
        /// Entries finished or skipped.
        public var doneCount: Int { done.load(ordering: .relaxed) }
        /// Entries finished in this run.
        public var processedCount: Int { processed.load(ordering: .relaxed) }
    }

    public var ontology: OntologyIndex?
    public var fields: BatchFields
    public var maxBytes: Int
    public var threads: Int
    /// Entries per chunk (one commit and flush per chunk).
    public var chunkSize = 256
    public var limits: ParserLimits = .default

    public init(ontology: OntologyIndex?, fields: BatchFields = BatchFields(), maxBytes: Int = ReasoningInput.defaultMaxBytes,
                threads: Int) {
        self.ontology = ontology
        self.fields = fields
        self.maxBytes = maxBytes
        self.threads = max(1, threads)
    }

    /// The record of one entry: decoded and analysed, or the reason it could not be.
    public func record(for entry: BatchEntry) -> BatchItemRecord {
        switch entry.item(fields: fields, maxBytes: maxBytes) {
        case .failure(let failure): return BatchItemRecord(failure: failure)
        case .success(let item): return BatchItemRecord.analyse(item, ontology: ontology, limits: limits)
        }
    }

    private struct Finished: Sendable {
        var key: String
        var line: [UInt8]
        var failed: Bool
        var textField: String?
    }

    /// Runs every entry of `source` not yet in `journal`, appending the records; flushes the journal at the end.
    public func run(source: any BatchEntrySource, journal: BatchJournal, cancellation: BatchCancellation,
                    counters: Counters = Counters()) throws -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        var outcome = Outcome()
        let cursor = Counters()
        while !cancellation.isRequested {
            let entries = try source.next(limit: chunkSize)
            if entries.isEmpty { break }
            var todo: [BatchEntry] = []
            todo.reserveCapacity(entries.count)
            for e in entries {
                if journal.contains(e.journalKey) {
                    outcome.skipped += 1
                    counters.done.add(1, ordering: .relaxed)
                } else {
                    todo.append(e)
                }
            }
            if todo.isEmpty { continue }
            var results = [Finished?](repeating: nil, count: todo.count)
            cursor.done.store(0, ordering: .relaxed)
            let workers = min(threads, todo.count)
            let work = todo
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let slots = out
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while !cancellation.isRequested {
                        let i = cursor.done.wrappingAdd(1, ordering: .relaxed).oldValue
                        guard i < work.count else { break }
                        let record = self.record(for: work[i])
                        slots[i] = Finished(key: work[i].journalKey, line: record.jsonLine(), failed: !record.isAnalysed,
                                            textField: record.textField)
                        counters.done.add(1, ordering: .relaxed)
                        counters.processed.add(1, ordering: .relaxed)
                    }
                }
            }
            for case let finished? in results {
                try journal.append(key: finished.key, line: finished.line)
                if finished.failed { outcome.failed += 1 } else { outcome.analysed += 1 }
                if let field = finished.textField { outcome.textFields[field, default: 0] += 1 }
            }
            try journal.flush()
        }
        try journal.flush()
        outcome.interrupted = cancellation.isRequested
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return outcome
    }
}

extension BatchEntry {
    /// The key the journal records this entry under (`BatchJournal.key(line:id:)`), known before decoding.
    public var journalKey: String {
        switch payload {
        case .jsonLine: return BatchJournal.key(line: line, id: "")
        case .file(_, let relativePath): return BatchJournal.key(line: line, id: relativePath)
        case .item(let item): return BatchJournal.key(line: item.line, id: item.id)
        case .unreadable(let id, _): return BatchJournal.key(line: line, id: id)
        }
    }
}
