/// Reusable scratch for one forward pass: quantised activations for up to `maxBatch` vectors of up to `maxColumns`
/// values, and a float tile for the dequantise-then-sgemm batch path. Everything is allocated once, here.
///
/// Not thread-safe: one scratch per concurrent caller.
public final class MatVecScratch {
    public let maxColumns: Int
    public let maxBatch: Int
    /// Activation vectors held: max(maxBatch, 3, MatVec.smallBatchLimit).
    public let activationSlots: Int
    /// Rows of dequantised weights the batch path multiplies per `cblas_sgemm` call.
    public let tileRows: Int

    /// Quants per activation vector (maxColumns rounded up to 256).
    let stride: Int
    let q: UnsafeMutablePointer<Int8>
    let d: UnsafeMutablePointer<Float>
    let s: UnsafeMutablePointer<Float>
    let bsums: UnsafeMutablePointer<Int16>
    let tile: UnsafeMutablePointer<Float>

    /// - Parameters:
    ///   - maxColumns: the widest matrix input (`columns`) this scratch serves.
    ///   - maxBatch: how many activation vectors the small-batch path of `MatVec.multiplyBatch` quantises at once;
    ///     larger batches are processed in groups of this size or through sgemm.
    ///   - tileBytes: budget for the dequantised weight tile of the sgemm path.
    public init(maxColumns: Int, maxBatch: Int = 1, tileBytes: Int = 4 << 20) {
        require(maxColumns > 0 && maxBatch > 0)
        self.maxColumns = maxColumns
        self.maxBatch = maxBatch
        let stride = (maxColumns + 255) / 256 * 256
        self.stride = stride
        // At least three vectors (`MatVec.multiply` of several matrices keeps one copy per activation type) and a
        // whole small batch.
        let maxBatch = max(maxBatch, 3, MatVec.smallBatchLimit)
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
        tile = .allocate(capacity: rows * maxColumns)
        tile.initialize(repeating: 0, count: rows * maxColumns)
    }

    deinit {
        q.deallocate()
        d.deallocate()
        s.deallocate()
        bsums.deallocate()
        tile.deallocate()
    }

    /// The buffers of activation vector `index` (< activationSlots).
    func activation(_ index: Int) -> QuantizedActivation {
        QuantizedActivation(q: q + index &* stride, d: d + index &* (stride / 32),
                            s: s + index &* (stride / 32), bsums: bsums + index &* (stride / 16))
    }
}
