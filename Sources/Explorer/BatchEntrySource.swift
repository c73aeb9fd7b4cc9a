/// Hands out the entries of a batch input in order, a group at a time.
public protocol BatchEntrySource: AnyObject {
    /// Up to `limit` next entries in input order; empty when the input is exhausted.
    func next(limit: Int) throws -> [BatchEntry]
}

/// Entries already in memory (texts handed over by a caller, e.g. a generator, or a test).
public final class BatchEntryList: BatchEntrySource {
    private let entries: [BatchEntry]
    private var position = 0

    public init(_ entries: [BatchEntry]) {
        self.entries = entries
    }

    /// A list of ready items.
    public convenience init(items: [BatchItem]) {
        self.init(items.map { BatchEntry(line: $0.line, payload: .item($0)) })
    }

    public func next(limit: Int) throws -> [BatchEntry] {
        let end = min(entries.count, position + limit)
        defer { position = end }
        return Array(entries[position..<end])
    }
}
