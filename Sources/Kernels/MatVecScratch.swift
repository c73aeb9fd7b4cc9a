/// Reusable scratch for one forward pass: quantised activations for up to `maxBatch` vectors of up to `maxColumns`
/// values, and a float tile for the dequantise-then-sgemm batch path. Everything is allocated once, here.
///
/// Not thread-safe: one scratch per concurrent caller.
public final class MatVecScratch {
    public let maxColumns: Int
    public let maxBatch: Int
    /// Activation vectors held: max(maxBatch, 3, quantizedBatchLimit).
    public let activationSlots: Int
    /// `MatVec.multiplyBatch` takes the quantised matvec path (8-bit activations) for batches up to this size and
    /// dequantise + sgemm (float activations) above it; see `MatVec.smallBatchLimit`.
    public let quantizedBatchLimit: Int
    /// Rows of dequantised weights the batch path multiplies per `cblas_sgemm` call.
    public let tileRows: Int
    /// Tile buffers, one per thread of the batch path.
    public let tileCount: Int

    /// Quants per activation vector (maxColumns rounded up to 256).
    let stride: Int
    let q: UnsafeMutablePointer<Int8>
    let d: UnsafeMutablePointer<Float>
    let s: UnsafeMutablePointer<Float>
    let bsums: UnsafeMutablePointer<Int16>
    let tile: UnsafeMutablePointer<Float>

    /// - Parameters:
    ///   - maxColumns: the widest matrix input (`columns`) this scratch serves.
    ///   - maxBatch: activation vectors the quantised small-batch path of `MatVec.multiplyBatch` keeps at once (at
    ///     least `quantizedBatchLimit` are always allocated, so the default is fine); larger batches go through
    ///     sgemm, whose input is the caller's float X.
    ///   - tileBytes: budget for each dequantised weight tile of the sgemm path (sized to stay in a core's L2).
    ///   - tiles: tile buffers, one per thread that runs the batch path (the pool's thread count).
    ///   - quantizedBatchLimit: see the property (16 is faster on the development VM; 0 sends every batch of two or
    ///     more to sgemm).
    public init(maxColumns: Int, maxBatch: Int = 1, tileBytes: Int = 768 << 10, tiles: Int = 1,
                quantizedBatchLimit: Int = MatVec.smallBatchLimit) {
        require(maxColumns > 0 && maxBatch > 0 && quantizedBatchLimit >= 0)
        self.maxColumns = maxColumns
        self.maxBatch = maxBatch
        self.quantizedBatchLimit = quantizedBatchLimit
        let stride = (maxColumns + 255) / 256 * 256
        self.stride = stride
        // At least three vectors (`MatVec.multiply` of several matrices keeps one copy per activation type) and a
        // whole small batch.
        let maxBatch = max(maxBatch, 3, quantizedBatchLimit)
        activationSlots = maxBatch
        q = .allocate(capacity: stride * maxBatch)
        q.initialize(repeating: 0, count: stride * maxBatch)
        d = .allocate(capacity: stride / 32 * maxBatch)
        d.initialize(repeating: 0, count: stride / 32 * maxBatch)
        s = .allocate(capacity: stride / 32 * maxBatch)
        s.initialize(repeating: 0, count: stride / 32 * maxBatch)
        bsums = .allocate(capacity: stride / 16 * maxBatch)
        bsums.initialize(repeating: 0, count: stride / 16 * maxBatch)
        let rows = max(16, min(4096, tileBytes / (4 * maxColumns)) / 16 * 16)
        tileRows = rows
        tileCount = max(1, tiles)
        tile = .allocate(capacity: rows * maxColumns * tileCount)
        tile.initialize(repeating: 0, count: rows * maxColumns * tileCount)
    }

    deinit {
        q.deallocate()
        d.deallocate()
        s.deallocate()
        bsums.deallocate()
        tile.deallocate()
    }

    /// Tile buffer `k` (< tileCount).
    func tile(_ k: Int) -> UnsafeMutablePointer<Float> { tile + k &* tileRows &* maxColumns }

    /// The buffers of activation vector `index` (< activationSlots).
    func activation(_ index: Int) -> QuantizedActivation {
        QuantizedActivation(q: q + index &* stride, d: d + index &* (stride / 32),
                            s: s + index &* (stride / 32), bsums: bsums + index &* (stride / 16))
    }
}
