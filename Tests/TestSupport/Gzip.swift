import Foundation

/// Gzip compression for tests that check compressed input is read directly (uses the system `gzip`).
public enum Gzip {
    /// Writes a gzip-compressed copy of `source` to `destination`.
    public static func compress(_ source: String, to destination: String) throws {
        try shell("gzip -c -- \"$1\" > \"$2\"", source, destination)
    }

    /// Writes `source` to `destination` as two gzip members (its first third, then the rest), the shape
    /// bgzip and `cat a.gz b.gz` produce.
    public static func compressInTwoMembers(_ source: String, to destination: String) throws {
        try shell("h=$(( $(wc -c < \"$1\") / 3 )); { head -c \"$h\" -- \"$1\" | gzip -c; tail -c +\"$((h + 1))\" -- \"$1\" | gzip -c; } > \"$2\"",
                  source, destination)
    }

    private static func shell(_ script: String, _ source: String, _ destination: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", source, destination]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
        }
    }
}
