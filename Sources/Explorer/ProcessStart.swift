import Foundation
import Inference

/// When this process started, on the monotonic clock (from /proc/self/stat), for time-to-first-token figures.
public enum ProcessStart {
    public static var seconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Field 22 (starttime, in clock ticks since boot) is the 20th after the command name.
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        // CLOCK_MONOTONIC and the boot-time base of starttime agree on Linux (neither counts suspend here).
        return ticks / hz
    }
}
