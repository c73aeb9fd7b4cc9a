import Kernels

/// Start-up fix for OpenBLAS's core misdetection, for the commands that do matrix work.
public enum BLASStartup {
    /// Subcommands whose speed depends on OpenBLAS (prompt processing), and `doctor`, which reports the result.
    public static let commands: Set<String> = ["generate", "explore", "bench", "compare", "walkthrough", "batch", "doctor"]

    /// Re-selects OpenBLAS's kernels (in-process, or by a re-exec) when it picked a fallback core and `arguments` name a
    /// command that does matrix work (see `BLASRuntime.correctCoreIfNeeded`).
    public static func fixCoreIfNeeded(arguments: [String]) {
        guard arguments.count > 1, commands.contains(arguments[1]) else { return }
        BLASRuntime.correctCoreIfNeeded()
    }
}
