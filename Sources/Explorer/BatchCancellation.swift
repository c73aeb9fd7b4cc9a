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

    /// Routes the next SIGINT to `request()` (and `onInterrupt`) instead of ending the process; the SIGINT after
    /// that ends it through ``Interruption`` (which removes files still being written). Call the returned function
    /// to withdraw the handler.
    public func installInterruptHandler(onInterrupt: @escaping @Sendable () -> Void = {}) -> @Sendable () -> Void {
        Interruption.onNextInterrupt { [self] in
            request()
            onInterrupt()
        }
    }
}
