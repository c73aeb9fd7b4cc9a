import Foundation

/// Runs long blocking test work (child processes, multi-gigabyte files) on a thread of its own.
///
/// Swift Testing runs tests on the cooperative thread pool, which has one thread per core: two tests that block
/// for a minute on a two-core machine leave no thread for the async tests that measure time (remote-engine
/// timeouts), which then fail. Record expectations after the `await`, not inside `body` (no test is current on the
/// new thread).
public enum OwnThread {
    /// The value `body` returns, computed on a new thread while the caller's task is suspended.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
