import ArgumentParser
import Explorer

/// Where a text-producing command writes (standard output unless `-o` names a file).
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (written atomically).", valueName: "file"))
    var output: String = "-"

    /// Writes `bytes` to the chosen destination.
    func write(_ bytes: [UInt8]) throws {
        try AtomicFileWriter.write(bytes, to: output)
    }
}
