import Foundation

/// Temporary directories removed when a test is done with them.
public enum ScratchDirectory {
    /// Runs `body` with a fresh, empty directory and removes it afterwards.
    public static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ddx-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// The entries of `directory`, hidden ones included, sorted.
    public static func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// The bytes of the file at `url`. An empty file is not read with `Data(contentsOf:)`, which on Linux leaks a
    /// 4 KiB read buffer for every file whose size is 0 (swift-foundation's zero-size path; LeakSanitizer reports it).
    public static func bytes(_ url: URL) throws -> [UInt8] {
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int
        if size == 0 { return [] }
        return [UInt8](try Data(contentsOf: url))
    }

    /// Names in `directory` that look like AtomicFileWriter's temporary files (`.ddx-PID-N.tmp`).
    public static func leftoverTempFiles(in directory: URL) throws -> [String] {
        try contents(of: directory).filter { $0.hasPrefix(".ddx-") && $0.hasSuffix(".tmp") }
    }
}
