#if canImport(Glibc)
import Glibc
#endif

/// Keys and values of every position processed so far, per layer and KV head, laid out so that attention reads
/// one head's keys (and values) for consecutive positions sequentially: `[layer][kvHead][position][headDim]`.
///
/// The storage is reserved with an anonymous memory mapping for the whole context window, so memory is only
/// committed for the positions actually used.
public final class KVCache: @unchecked Sendable {
    public let layers: Int
    public let kvHeads: Int
    public let headDimension: Int
    /// The most positions the cache holds (the context window).
    public let capacity: Int
    /// Positions filled so far.
    public internal(set) var count = 0

    private let keys: UnsafeMutablePointer<Float>
    private let values: UnsafeMutablePointer<Float>
    private let bytes: Int

    public init(layers: Int, kvHeads: Int, headDimension: Int, capacity: Int) throws {
        self.layers = layers
        self.kvHeads = kvHeads
        self.headDimension = headDimension
        self.capacity = capacity
        let (n, overflow) = layers.multipliedReportingOverflow(by: kvHeads * headDimension)
        let (elements, overflow2) = n.multipliedReportingOverflow(by: capacity)
        guard !overflow, !overflow2, elements <= (1 << 40) / 8 else {
            throw GenerationError.invalidParameter("a KV cache of \(capacity) positions is too large")
        }
        let bytes = elements * MemoryLayout<Float>.stride
        self.bytes = bytes
        keys = try Self.reserve(bytes: bytes, elements: elements, capacity: capacity)
        do {
            values = try Self.reserve(bytes: bytes, elements: elements, capacity: capacity)
        } catch {
            munmap(keys, bytes)
            throw error
        }
    }

    private static func reserve(bytes: Int, elements: Int, capacity: Int) throws -> UnsafeMutablePointer<Float> {
        let p = mmap(nil, max(bytes, 1), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != MAP_FAILED else {
            throw GenerationError.invalidParameter("cannot reserve \(bytes >> 20) MiB for the KV cache of \(capacity) positions")
        }
        return p.bindMemory(to: Float.self, capacity: elements)
    }

    deinit {
        munmap(keys, bytes)
        munmap(values, bytes)
    }

    /// The keys of `layer`/`head`, position 0 first (`capacity × headDimension` floats).
    @inline(__always)
    public func keys(layer: Int, head: Int) -> UnsafeMutablePointer<Float> {
        keys + ((layer * kvHeads + head) * capacity) * headDimension
    }

    /// The values of `layer`/`head`, position 0 first.
    @inline(__always)
    public func values(layer: Int, head: Int) -> UnsafeMutablePointer<Float> {
        values + ((layer * kvHeads + head) * capacity) * headDimension
    }

    /// Forgets every position (the memory stays reserved).
    public func reset() { count = 0 }

    /// Keeps the first `n` positions (to reuse a shared prompt prefix).
    public func truncate(to n: Int) { count = min(count, max(0, n)) }
}
