import Dispatch
import Foundation
import Synchronization

/// A stop request shared by a batch's workers: set by SIGINT (or a caller), checked before each new item.
public final class BatchCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the batch to stop taking new items.
    public func request() { flag.store(true, ordering: .releasing) }

    /// Whether a stop was requested.
    public var isRequested: Bool { flag.load(ordering: .acquiring) }

    /// Routes SIGINT to `request()` (and `onInterrupt`) instead of killing the process; a second SIGINT kills it as
    /// usual. Keep the returned source alive for as long as the handler should stay installed.
    public func installInterruptHandler(onInterrupt: @escaping @Sendable () -> Void = {}) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global(qos: .userInitiated))
        source.setEventHandler { [self] in
            request()
            onInterrupt()
            signal(SIGINT, SIG_DFL)
        }
        source.resume()
        return source
    }
}
