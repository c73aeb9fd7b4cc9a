/// One entry of a batch input as read, before decoding: reading entries is sequential and cheap, decoding them
/// (`item(fields:maxBytes:)`) runs on the workers.
public struct BatchEntry: Sendable {
    /// What the entry holds.
    public enum Payload: Sendable {
        /// The bytes of one JSONL line (line break removed).
        case jsonLine([UInt8])
        /// A text file of an input folder: its absolute path and the path relative to the folder (the item's id).
        case file(path: String, relativePath: String)
        /// A text already in memory.
        case item(BatchItem)
        /// An entry that could not even be read (a line over the length limit).
        case unreadable(id: String, message: String)
    }

    /// The 1-based JSONL line, when the entry is one.
    public var line: Int?
    /// The content.
    public var payload: Payload

    public init(line: Int?, payload: Payload) {
        self.line = line
        self.payload = payload
    }

    /// The item this entry holds, or why it cannot be analysed.
    public func item(fields: BatchFields, maxBytes: Int) -> Result<BatchItem, BatchItemFailure> {
        switch payload {
        case .item(let item):
            return .success(item)
        case .unreadable(let id, let message):
            return .failure(BatchItemFailure(id: id, line: line, message: message))
        case .file(let path, let relativePath):
            do {
                let input = try ReasoningInput.read(path: path, maxBytes: maxBytes)
                return .success(BatchItem(id: relativePath, text: input.bytes))
            } catch {
                let message = (error as? InputError)?.description ?? "\(error)"
                return .failure(BatchItemFailure(id: relativePath, line: nil, message: message))
            }
        case .jsonLine(let bytes):
            return Self.decode(line: bytes, number: line ?? 0, fields: fields, maxBytes: maxBytes)
        }
    }

    /// Decodes one JSONL line into an item: the text from `fields.text` (or the first of the fallback names
    /// present), the id from `fields.id` (else `line N`), the gold answer and the options when present.
    static func decode(line bytes: [UInt8], number: Int, fields: BatchFields, maxBytes: Int)
        -> Result<BatchItem, BatchItemFailure> {
        let lineID = "line \(number)"
        let value: BatchJSON
        do { value = try BatchJSON.parse(bytes) } catch {
            return .failure(BatchItemFailure(id: lineID, line: number, message: "\(error)"))
        }
        guard case .object = value else {
            return .failure(BatchItemFailure(id: lineID, line: number, message: "the line is \(value.kindName), not a JSON object"))
        }
        var id = lineID
        if let v = value[fields.id]?.scalarText?.trimmingSpaces, !v.isEmpty { id = v }
        func fail(_ message: String) -> Result<BatchItem, BatchItemFailure> {
            .failure(BatchItemFailure(id: id, line: number, message: message))
        }
        var text: String?
        var used: String?
        for name in fields.textCandidates {
            guard let v = value[name] else { continue }
            if let s = v.string { text = s; used = name; break }
            if fields.text != nil { return fail("field \"\(name)\" is \(v.kindName), not a string") }
        }
        guard let text, let used else {
            if let name = fields.text { return fail("no field \"\(name)\"") }
            return fail("no text field (tried \(fields.textCandidates.joined(separator: ", ")); pass --text-field NAME)")
        }
        let utf8 = Array(text.utf8)
        if utf8.count > maxBytes {
            return fail("the text is larger than the limit of \(maxBytes) bytes; pass --max-bytes to raise it")
        }
        let gold = fields.answer.flatMap { value[$0]?.scalarText?.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
        return .success(BatchItem(id: id, line: number, text: utf8, textField: used, goldAnswer: gold,
                                  options: fields.answer == nil ? [] : BatchOption.parse(value[fields.options])))
    }
}
