import Foundation

/// What ddx does on SIGINT (Ctrl-C) and SIGTERM: every file still being written (registered temporaries and
/// staging folders) is removed, one line goes to standard error, and the process exits with 128 + the signal
/// number (130, 143). Finished outputs are never touched, so an interrupted command leaves either the old file or
/// the complete new one, as a failed one does.
///
/// `ddx batch` stops gracefully on the first SIGINT instead: ``onNextInterrupt(_:)`` hands that one to the batch;
/// the second comes here.
///
/// The signal handler only writes the signal number to a pipe; a dedicated thread reads it and does the work. (A
/// libdispatch signal source is not enough on Linux: it reads signals through `signalfd`, which sees a signal only
/// when every thread blocks it, and threads that libraries start early, such as OpenBLAS's, do not.)
public enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: [Int: URL] = [:]
    nonisolated(unsafe) private static var nextToken = 0
    nonisolated(unsafe) private static var installed = false
    /// Called instead of exiting on the next SIGINT (one-shot).
    nonisolated(unsafe) private static var interruptHandler: (@Sendable () -> Void)?

    /// Installs the SIGINT and SIGTERM handling described above (once per process; later calls do nothing).
    public static func installExitHandlers() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { return }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
            signalPipe = fds[1]
            let reader = fds[0]
            let thread = Thread {
                var byte: UInt8 = 0
                while true {
                    let n = read(reader, &byte, 1)
                    if n == 1 { handle(Int32(byte)) } else if n < 0 && errno == EINTR { continue } else { return }
                }
            }
            thread.name = "ddx-signals"
            thread.start()
            // A parent may have started ddx with these signals blocked (a child inherits the mask of the thread that
            // spawned it, and libdispatch's worker threads block nearly every signal): unblock them on this thread.
            var mask = sigset_t()
            sigemptyset(&mask)
            sigaddset(&mask, SIGINT)
            sigaddset(&mask, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            for signalNumber in [SIGINT, SIGTERM] {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = forwardSignal
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_RESTART
                sigaction(signalNumber, &action, nil)
            }
        }
    }

    /// Runs `handler` on the next SIGINT instead of exiting (once); the SIGINT after that exits as usual.
    /// Installs the handling first if needed. Returns a function that withdraws `handler`.
    public static func onNextInterrupt(_ handler: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
        installExitHandlers()
        lock.withLock { interruptHandler = handler }
        return { lock.withLock { interruptHandler = nil } }
    }

    /// Registers a temporary file or folder that must not survive an interruption; returns its token.
    static func register(_ url: URL) -> Int {
        lock.withLock {
            nextToken += 1
            pending[nextToken] = url
            return nextToken
        }
    }

    /// Runs `finish` (the rename into place, or the removal) and forgets the temporary, as one step with respect to
    /// an interruption: the handler sees the temporary either before `finish` or not at all.
    static func settle<T>(_ token: Int, _ finish: () throws -> T) rethrows -> T {
        try lock.withLock {
            defer { pending[token] = nil }
            return try finish()
        }
    }

    private static func handle(_ signalNumber: Int32) {
        lock.lock()  // held until exit: no temporary is renamed into place after this point
        if signalNumber == SIGINT, let handler = interruptHandler {
            interruptHandler = nil
            lock.unlock()
            handler()
            return
        }
        for url in pending.values { try? FileManager.default.removeItem(at: url) }
        let name = signalNumber == SIGINT ? "interrupted" : "terminated"
        let message = "ddx: \(name); no partial output was left\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        // _exit: other threads may be inside Graphviz or the model; exit() would run destructors under them.
        _exit(128 + signalNumber)
    }
}

/// The write end of the signal pipe (set once, before the handlers are installed).
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// The signal handler: async-signal-safe, it only writes the signal number to the pipe.
private func forwardSignal(_ signalNumber: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: signalNumber)
    _ = write(signalPipe, &byte, 1)
    errno = saved
}
