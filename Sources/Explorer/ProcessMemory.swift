import Foundation

/// Peak memory of this process (Linux `/proc`).
public enum ProcessMemory {
    /// The process's peak resident set size in MiB (`VmHWM`), or nil where `/proc` is unavailable.
    public static func peakResidentMiB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Double($0) }.first
            return digits.map { $0 / 1024 }
        }
        return nil
    }
}
