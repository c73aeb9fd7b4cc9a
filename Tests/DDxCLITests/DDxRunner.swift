import TestSupport
import Foundation

/// What one run of the `ddx` executable produced.
struct DDxResult: Sendable {
    /// The process's exit status (or the signal number when `terminatedBySignal`).
    let exitCode: Int32
    /// Whether the process was killed by a signal (e.g. after a timeout).
    let terminatedBySignal: Bool
    /// Whether the run took longer than its timeout and was terminated.
    let timedOut: Bool
    /// Everything written to standard output.
    let stdout: [UInt8]
    /// Everything written to standard error.
    let stderr: [UInt8]

    /// Standard output decoded as UTF-8.
    var out: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error decoded as UTF-8.
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// The non-empty lines of standard error.
    var errLines: [String] { err.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    /// True when the process exited normally with status 0.
    var succeeded: Bool { !terminatedBySignal && !timedOut && exitCode == 0 }
}

/// Runs the built `ddx` executable as a child process, the way a user would.
///
/// Standard input, output and error go through temporary files rather than pipes, so a large output
/// can never fill a pipe and block the child, and a concurrently spawned child can never hold a pipe
/// end open and keep a reader waiting.
enum DDx {
    /// Errors of the harness itself (not of ddx).
    enum HarnessError: Error, CustomStringConvertible {
        case executableNotFound([String])
        var description: String {
            switch self {
            case let .executableNotFound(searched):
                return "could not find the ddx executable; searched: \(searched.joined(separator: ", "))"
            }
        }
    }

    /// The `ddx` executable next to this test bundle, found once.
    static let executable: Result<URL, HarnessError> = locateExecutable()

    /// Looks for `ddx` in the build products directory: on Linux the test bundle is an executable in
    /// that directory (`Bundle.main`), on macOS it is an `.xctest` bundle inside it. Parents are tried
    /// too, in case the bundle sits one or two levels below the products directory.
    private static func locateExecutable() -> Result<URL, HarnessError> {
        var starts: [URL] = [Bundle.main.bundleURL]
        if let exe = Bundle.main.executableURL { starts.append(exe.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            starts.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let argv0 = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: argv0).standardizedFileURL.deletingLastPathComponent())
        }
        var searched: [String] = []
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("ddx")
                searched.append(candidate.path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return .success(candidate)
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        return .failure(.executableNotFound(searched))
    }

    /// Runs `ddx` with `arguments` in `directory` (a fresh scratch directory when nil), feeding `stdin`
    /// bytes on standard input (an empty stream when nil). A run longer than `timeout` seconds is
    /// terminated and reported with `timedOut`. The local vocabulary folder is pointed at a missing
    /// directory so that only the shipped ontology loads by default; `environment` adds or overrides variables.
    /// `whileRunning` is called with the started process (to signal it or watch it) before the wait begins.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:], timeout: TimeInterval = 30,
                    whileRunning: ((Process) -> Void)? = nil) throws -> DDxResult {
        let executable = try DDx.executable.get()
        return try ScratchDirectory.with { io throws in
            let inURL = io.appendingPathComponent("stdin")
            let outURL = io.appendingPathComponent("stdout")
            let errURL = io.appendingPathComponent("stderr")
            try Data(stdin ?? []).write(to: inURL)
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let inHandle = try FileHandle(forReadingFrom: inURL)
            let outHandle = try FileHandle(forWritingTo: outURL)
            let errHandle = try FileHandle(forWritingTo: errURL)
            defer {
                try? inHandle.close()
                try? outHandle.close()
                try? errHandle.close()
            }

            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env["DDX_VOCABULARY_DIR"] = io.appendingPathComponent("no-vocabularies").path
            for (key, value) in environment { env[key] = value }
            process.environment = env
            process.currentDirectoryURL = directory ?? io
            process.standardInput = inHandle
            process.standardOutput = outHandle
            process.standardError = errHandle
            let done = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in done.signal() }
            try process.run()
            whileRunning?(process)
            var timedOut = false
            if done.wait(timeout: .now() + timeout * Sanitizer.timeFactor) == .timedOut {
                timedOut = true
                process.terminate()
                if done.wait(timeout: .now() + 5) == .timedOut {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                }
            }
            return DDxResult(exitCode: process.terminationStatus,
                             terminatedBySignal: process.terminationReason == .uncaughtSignal,
                             timedOut: timedOut,
                             stdout: try ScratchDirectory.bytes(outURL),
                             stderr: try ScratchDirectory.bytes(errURL))
        }
    }
}
