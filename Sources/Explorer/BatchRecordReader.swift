import Dispatch

/// Reads the records of an `items.jsonl` back, decoding on several cores, each distinct entry once.
public enum BatchRecordReader {
    /// Lines decoded per parallel step.
    static let chunk = 2048

    /// Calls `body` with every record of `path` in file order, dropping repeats of an entry (same journal key);
    /// returns how many non-blank lines were not records.
    @discardableResult
    public static func read(path: String, threads: Int, _ body: (BatchItemRecord) throws -> Void) throws -> Int {
        let reader = try BatchLineReader(path: path, maxLineBytes: Int.max)
        var seen: Set<String> = []
        var unreadable = 0
        while true {
            let entries = try reader.next(limit: chunk)
            if entries.isEmpty { break }
            var decoded = [BatchItemRecord?](repeating: nil, count: entries.count)
            let workers = max(1, min(threads, entries.count / 64))
            decoded.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let slots = out
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var i = w
                    while i < entries.count {
                        if case .jsonLine(let bytes) = entries[i].payload {
                            slots[i] = try? BatchItemRecord(jsonLine: bytes)
                        }
                        i += workers
                    }
                }
            }
            for record in decoded {
                guard let record else { unreadable += 1; continue }
                guard seen.insert(BatchJournal.key(line: record.line, id: record.id)).inserted else { continue }
                try body(record)
            }
        }
        return unreadable
    }
}
