import Foundation

/// Gzip compression for tests that check compressed input is read directly (uses the system `gzip`).
public enum Gzip {
    /// Writes a gzip-compressed copy of `source` to `destination`.
    public static func compress(_ source: String, to destination: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -- \"$1\" > \"$2\"", "sh", source, destination]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
        }
    }
}
