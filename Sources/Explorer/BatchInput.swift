import Crypto
import Foundation

/// The input of `ddx batch`: a JSONL file (one JSON object per line) or a folder of `.txt`/`.md` files.
///
/// ```swift
/// let input = try BatchInput.open(path: "outputs.jsonl", fields: BatchFields(answer: "answer"))
/// let source = try input.makeSource()      // entries in input order
/// ```
public struct BatchInput: Sendable {
    /// What kind of input it is.
    public enum Kind: String, Sendable, Codable { case jsonl, directory }

    /// The path as given.
    public let path: String
    /// The absolute path.
    public let absolutePath: String
    /// File or folder.
    public let kind: Kind
    /// Field names (JSONL input).
    public let fields: BatchFields
    /// Largest text analysed; larger ones are per-item errors.
    public let maxBytes: Int

    /// Checks that `path` exists and is a readable file or folder; a one-line `InputError` otherwise.
    public static func open(path: String, fields: BatchFields = BatchFields(),
                            maxBytes: Int = ReasoningInput.defaultMaxBytes) throws -> BatchInput {
        if path == "-" { throw InputError("-: batch input must be a file or folder (resuming needs to re-read it)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("\(path): no such file or folder")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if !isDirectory.boolValue, !FileManager.default.isReadableFile(atPath: path) {
            throw InputError("\(path): permission denied")
        }
        return BatchInput(path: path, absolutePath: absolute, kind: isDirectory.boolValue ? .directory : .jsonl,
                          fields: fields, maxBytes: maxBytes)
    }

    /// The entries in input order.
    public func makeSource() throws -> any BatchEntrySource {
        switch kind {
        case .jsonl:
            // A JSON string escapes at most 6 bytes per byte of text; the key names and other members need room too.
            let (doubled, overflow) = maxBytes.multipliedReportingOverflow(by: 6)
            return try BatchLineReader(path: absolutePath, maxLineBytes: overflow ? Int.max : doubled + (1 << 20))
        case .directory:
            return try BatchFileList(directory: absolutePath)
        }
    }

    /// How many entries the input holds (non-blank lines or text files), for progress totals.
    public func count() throws -> Int {
        switch kind {
        case .jsonl: return try BatchLineReader.countLines(path: absolutePath)
        case .directory: return try BatchFileList(directory: absolutePath).files.count
        }
    }

    /// What identifies this input's content: size and SHA-256 of the file, or for a folder the SHA-256 of its
    /// listing (relative path, size and modification time of each text file).
    public func fingerprint() throws -> BatchManifest.Input {
        switch kind {
        case .jsonl:
            let attributes = try? FileManager.default.attributesOfItem(atPath: absolutePath)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let (size, digest) = try Self.hashFile(absolutePath)
            return BatchManifest.Input(path: absolutePath, kind: kind, size: size, modified: modified, sha256: digest,
                                       files: nil)
        case .directory:
            let list = try BatchFileList(directory: absolutePath)
            var hasher = SHA256()
            var total = 0
            var newest = 0.0
            for rel in list.files {
                let attributes = try? FileManager.default.attributesOfItem(atPath: absolutePath + "/" + rel)
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                total += size
                newest = max(newest, modified)
                hasher.update(data: Array("\(rel)\u{0}\(size)\u{0}\(modified)\n".utf8))
            }
            return BatchManifest.Input(path: absolutePath, kind: kind, size: total, modified: newest,
                                       sha256: Self.hex(hasher.finalize()), files: list.files.count)
        }
    }

    private static func hashFile(_ path: String) throws -> (Int, String) {
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw InputError("\(path): cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var hasher = SHA256()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var size = 0
        while true {
            let got = block.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): read failed: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            size += got
            block.withUnsafeBufferPointer { hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[0..<got]))) }
        }
        return (size, hex(hasher.finalize()))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { b in b < 16 ? "0" + String(b, radix: 16) : String(b, radix: 16) }.joined()
    }
}
