import Foundation

/// Reads a JSONL file a block at a time and hands out its non-blank lines with their 1-based line numbers.
/// A line longer than `maxLineBytes` is skipped without being held in memory and reported as unreadable.
public final class BatchLineReader: BatchEntrySource {
    /// Bytes read per `read(2)` call.
    static let blockSize = 4 << 20

    private let path: String
    private let fd: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var lineNumber = 0
    private var atEnd = false
    private var skippingLongLine = false
    private var longLineNumber = 0

    /// Opens `path`; a one-line `InputError` when it cannot be read.
    public init(path: String, maxLineBytes: Int) throws {
        self.path = path
        self.maxLineBytes = maxLineBytes
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InputError("\(path): cannot read: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    public func next(limit: Int) throws -> [BatchEntry] {
        var out: [BatchEntry] = []
        while out.count < limit {
            if let newline = nextNewline() {
                lineNumber += 1
                let lineStart = start
                start = newline + 1
                if skippingLongLine {
                    skippingLongLine = false
                    out.append(Self.tooLong(longLineNumber, limit: maxLineBytes))
                    continue
                }
                if let entry = entry(buffer[lineStart..<newline]) { out.append(entry) }
                continue
            }
            if atEnd {
                // The last line has no line break.
                if start < buffer.count || skippingLongLine {
                    lineNumber += 1
                    if skippingLongLine {
                        skippingLongLine = false
                        out.append(Self.tooLong(longLineNumber, limit: maxLineBytes))
                    } else if let entry = entry(buffer[start...]) {
                        out.append(entry)
                    }
                    start = buffer.count
                }
                break
            }
            try fill()
        }
        return out
    }

    /// The index of the next line break at or after `start`, scanning each byte once across refills.
    private func nextNewline() -> Int? {
        let from = max(start, scanned)
        guard from < buffer.count else { return nil }
        let found: Int? = buffer.withUnsafeBufferPointer { p in
            guard let hit = memchr(p.baseAddress! + from, 0x0A, p.count - from) else { return nil }
            return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - p.baseAddress!
        }
        scanned = found.map { $0 + 1 } ?? buffer.count
        return found
    }

    private static func tooLong(_ line: Int, limit: Int) -> BatchEntry {
        BatchEntry(line: line, payload: .unreadable(id: "line \(line)", message: "the line is longer than \(limit) bytes; pass --max-bytes to raise the limit"))
    }

    private func entry(_ bytes: ArraySlice<UInt8>) -> BatchEntry? {
        var start = bytes.startIndex
        var end = bytes.endIndex
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        // A UTF-8 byte order mark before the first line.
        if lineNumber == 1, end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            start += 3
        }
        let line = bytes[start..<end]
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        if line.count > maxLineBytes { return Self.tooLong(lineNumber, limit: maxLineBytes) }
        return BatchEntry(line: lineNumber, payload: .jsonLine(Array(line)))
    }

    /// Reads the next block, keeping the unfinished line; an over-long unfinished line is dropped and remembered.
    private func fill() throws {
        var keepFrom = start
        scanned = max(0, scanned - start)
        if buffer.count - start > maxLineBytes {
            if !skippingLongLine { longLineNumber = lineNumber + 1 }
            skippingLongLine = true
            keepFrom = buffer.count
            scanned = 0
        }
        let kept = buffer.count - keepFrom
        var got = 0
        var failure: Int32 = 0
        let previous = buffer
        buffer = [UInt8](unsafeUninitializedCapacity: kept + Self.blockSize) { out, count in
            if kept > 0 {
                previous.withUnsafeBufferPointer { p in out.baseAddress!.initialize(from: p.baseAddress! + keepFrom, count: kept) }
            }
            while true {
                got = read(fd, out.baseAddress! + kept, Self.blockSize)
                if got >= 0 || errno != EINTR { break }
            }
            if got < 0 { failure = errno }
            count = kept + max(got, 0)
        }
        start = 0
        if got < 0 { throw InputError("\(path): read failed: \(String(cString: strerror(failure)))") }
        if got == 0 { atEnd = true }
    }

    /// The number of non-blank lines of the file at `path` (for progress totals).
    public static func countLines(path: String) throws -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InputError("\(path): cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var block = [UInt8](repeating: 0, count: blockSize)
        var count = 0
        var hasContent = false
        while true {
            let got = block.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, blockSize) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            block.withUnsafeBufferPointer { p in
                for k in 0..<got {
                    let b = p[k]
                    if b == 0x0A {
                        if hasContent { count += 1 }
                        hasContent = false
                    } else if b != 0x20 && b != 0x09 && b != 0x0D {
                        hasContent = true
                    }
                }
            }
        }
        return count + (hasContent ? 1 : 0)
    }
}
