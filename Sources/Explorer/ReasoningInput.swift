import Crypto
import Foundation

/// The bytes of one reasoning text, where they came from, and their SHA-256 fingerprint.
public struct ReasoningInput: Sendable {
    /// Largest input read by default: far above any model output, small enough to parse in bounded memory.
    public static let defaultMaxBytes = 256 * 1024 * 1024

    /// The raw bytes as read.
    public let bytes: [UInt8]
    /// A display name: the path as given, or `stdin`.
    public let sourceName: String
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String

    /// Wraps bytes already in memory.
    public init(bytes: [UInt8], sourceName: String) {
        self.bytes = bytes
        self.sourceName = sourceName
        self.sha256 = Self.hexDigest(bytes)
    }

    /// Reads `path`, or standard input when `path` is `-`, refusing more than `maxBytes`.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws -> ReasoningInput {
        if path == "-" {
            let data = try readAll(FileHandle.standardInput, name: "stdin", maxBytes: maxBytes)
            return ReasoningInput(bytes: data, sourceName: "stdin")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("\(path): no such file")
        }
        if isDirectory.boolValue { throw InputError("\(path): is a directory, not a text file") }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("\(path): permission denied")
        }
        defer { try? handle.close() }
        return ReasoningInput(bytes: try readAll(handle, name: path, maxBytes: maxBytes), sourceName: path)
    }

    private static func readAll(_ handle: FileHandle, name: String, maxBytes: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw InputError("\(name): read failed: \(error.localizedDescription)")
            }
            guard let c = chunk, !c.isEmpty else { break }
            out.append(contentsOf: c)
            if out.count > maxBytes {
                let limit = maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0 ? "\(maxBytes >> 20) MiB" : "\(maxBytes) bytes"
                throw InputError("\(name): input is larger than the limit of \(limit); pass --max-bytes to raise it")
            }
        }
        return out
    }

    /// Lower-case hex SHA-256 of `bytes`.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { b in
            let h = String(b, radix: 16)
            return b < 16 ? "0" + h : h
        }.joined()
    }
}
