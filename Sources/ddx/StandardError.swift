import Foundation

/// Writes diagnostics to standard error (Glibc's `stderr` global is not usable from Swift 6).
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }
}
