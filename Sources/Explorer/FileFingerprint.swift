import Crypto
import Foundation

/// SHA-256 of a whole file, read in 4 MiB chunks (model files are hundreds of megabytes), remembered per process
/// by path, size and modification time so a run that reloads the same file hashes it once.
public enum FileFingerprint {
    private struct Key: Hashable { let path: String, size: Int, modified: Double }
    private static let cache = FingerprintCache()

    /// Lower-case hex SHA-256 of the file at `path`; a one-line error when it cannot be read.
    public static func sha256(path: String) throws -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let key = Key(path: path, size: (attributes?[.size] as? Int) ?? -1,
                      modified: (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        if let known = cache.get(key) { return known }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError("\(path): cannot open to fingerprint") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 4 << 20) } catch {
                throw InputError("\(path): read failed: \(error.localizedDescription)")
            }
            guard let c = chunk, !c.isEmpty else { break }
            hasher.update(data: c)
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        cache.set(key, hex)
        return hex
    }

    private final class FingerprintCache: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Key: String] = [:]
        func get(_ key: Key) -> String? { lock.withLock { values[key] } }
        func set(_ key: Key, _ value: String) { lock.withLock { values[key] = value } }
    }
}
