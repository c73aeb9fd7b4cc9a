internal import CKernels
internal import COpenBLAS

/// Matrix-vector and matrix-matrix products of GGUF weight matrices with float activations.
public enum MatVec {
    /// Matrices smaller than this (bytes of weights) run on the calling thread: waking the pool costs more.
    public static let parallelThresholdBytes = 64 * 1024

    /// The instruction-set variant the C kernels run in this process: "AVX-512", "AVX2" or "scalar".
    public static var kernelVariant: String { KernelVariant.active.name }

    /// The default `MatVecScratch.quantizedBatchLimit`: batches up to this size go through the quantised matvec
    /// kernels (8-bit activations, weights streamed once per group of vectors); larger ones dequantise tiles of W and
    /// call sgemm (float activations). Measured on the 2-core AVX-512 VM (1536×576 and 8192×576 Q4_1, 2 threads):
    /// the quantised path costs about one matvec per vector, while OpenBLAS sgemm is slow with few rows of X (per
    /// vector 1.6–3× slower than the quantised path at n = 5–8, about equal at n = 16–24, 2–3× faster from n = 32).
    /// So 16 would be faster; the default stays at 4 so that short prompts keep float activations.
    public static let smallBatchLimit = 4

    /// y[rows] = W · x[columns].
    ///
    /// Quantised formats quantise x once (into `scratch`) to the 8-bit block type ggml pairs with the weight format
    /// (Q8_0 for Q4_0/Q8_0, Q8_1 for Q4_1, Q8_K for the K-quants) and take integer dot products on the quantised
    /// blocks directly; float formats take float dot products with x. Rows are split across the pool in contiguous
    /// chunks.
    public static func multiply(_ w: WeightMatrix, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
                                scratch: MatVecScratch, pool: WorkerPool) {
        require(w.columns <= scratch.maxColumns, "matrix has \(w.columns) columns, scratch holds \(scratch.maxColumns)")
        if w.rows == 0 { return }
        let a = scratch.activation(0)
        ActivationQuantizer.quantize(x, count: w.columns, for: w.format, into: a)
        let kernel = RowKernel(w: w, a: a, x: x, y: y)
        if pool.threads == 1 || w.byteCount < parallelThresholdBytes || w.rows < 2 {
            kernel.run(0..<w.rows)
        } else {
            pool.parallelFor(w.rows) { kernel.run($0) }
        }
    }

    /// Several matrices with the same input (say Q, K and V, or gate and up): x is quantised once per activation
    /// type and all rows of all matrices are shared out in one pool dispatch. `outputs[i]` receives W_i · x.
    public static func multiply(_ ws: UnsafeBufferPointer<WeightMatrix>, _ x: UnsafePointer<Float>,
                                into outputs: UnsafeBufferPointer<UnsafeMutablePointer<Float>>,
                                scratch: MatVecScratch, pool: WorkerPool) {
        require(ws.count == outputs.count, "\(ws.count) matrices but \(outputs.count) outputs")
        guard let first = ws.first else { return }
        var totalRows = 0, totalBytes = 0
        for w in ws {
            require(w.columns == first.columns, "all matrices need the same number of columns")
            totalRows += w.rows
            totalBytes += w.byteCount
        }
        require(first.columns <= scratch.maxColumns, "matrix has \(first.columns) columns, scratch holds \(scratch.maxColumns)")
        // One quantised copy of x per activation type: slot 0 Q8_0, slot 1 Q8_1, slot 2 Q8_K.
        func slot(_ f: QuantFormat) -> Int {
            switch f {
            case .q8_0, .q4_0, .q5_0: 0
            case .q4_1, .q5_1: 1
            default: 2
            }
        }
        var done = 0
        for w in ws where w.format.isQuantized {
            let k = slot(w.format)
            if done & (1 << k) == 0 {
                done |= 1 << k
                ActivationQuantizer.quantize(x, count: w.columns, for: w.format, into: scratch.activation(k))
            }
        }
        let work = { (range: Range<Int>) in
            var base = 0
            for (i, w) in ws.enumerated() {
                let lo = Swift.max(range.lowerBound, base), hi = Swift.min(range.upperBound, base + w.rows)
                if lo < hi {
                    let k = w.format.isQuantized ? slot(w.format) : 0
                    RowKernel(w: w, a: scratch.activation(k), x: x, y: outputs[i]).run((lo - base)..<(hi - base))
                }
                base += w.rows
            }
        }
        if pool.threads == 1 || totalBytes < parallelThresholdBytes || totalRows < 2 {
            work(0..<totalRows)
        } else {
            pool.parallelFor(totalRows, work)
        }
    }

    /// Array form of the several-matrices `multiply` (the arrays can be built once per model and reused).
    public static func multiply(_ ws: [WeightMatrix], _ x: UnsafePointer<Float>, into outputs: [UnsafeMutablePointer<Float>],
                                scratch: MatVecScratch, pool: WorkerPool) {
        ws.withUnsafeBufferPointer { wp in
            outputs.withUnsafeBufferPointer { op in multiply(wp, x, into: op, scratch: scratch, pool: pool) }
        }
    }

    /// Batched (prompt processing): Y[n × rows] = X[n × columns] · Wᵀ, X and Y row-major.
    ///
    /// Up to `scratch.quantizedBatchLimit` vectors use the quantised matvec kernels (each weight row is read from
    /// memory once per group of up to `scratch.activationSlots` vectors). Larger batches deal fixed tiles of
    /// `batchTileRows(rows:)` W rows out to the pool's threads round-robin: each dequantises its tile into its own buffer
    /// (still in cache when used) and multiplies it with a single-threaded `cblas_sgemm`, so the pool's threads are
    /// the only ones working (OpenBLAS is kept at one thread; see `WorkerPool`). F32 weights skip the dequantising.
    public static func multiplyBatch(_ w: WeightMatrix, _ x: UnsafePointer<Float>, count n: Int,
                                     into y: UnsafeMutablePointer<Float>, scratch: MatVecScratch, pool: WorkerPool) {
        require(w.columns <= scratch.maxColumns, "matrix has \(w.columns) columns, scratch holds \(scratch.maxColumns)")
        if n <= 0 || w.rows == 0 { return }
        if w.columns == 0 {
            y.update(repeating: 0, count: n * w.rows)
            return
        }
        if n == 1 {
            multiply(w, x, into: y, scratch: scratch, pool: pool)
            return
        }
        if n <= scratch.quantizedBatchLimit {
            multiplySmallBatch(w, x, count: n, into: y, scratch: scratch, pool: pool)
            return
        }
        let rows = w.rows, cols = w.columns
        // Fixed tiles of W's rows, whatever the thread count: each output element is computed by the same sgemm
        // call shape on any number of threads, so results do not depend on `--threads`.
        let tileRows = Swift.max(16, Swift.min(batchTileRows(rows: rows), scratch.tileRows * scratch.maxColumns / cols / 16 * 16))
        let tiles = (rows + tileRows - 1) / tileRows
        let workers = Swift.min(pool.threads, scratch.tileCount, tiles)
        let work = { (k: Int) in
            let tile = scratch.tile(k)
            var t = k
            while t < tiles {
                let r0 = t * tileRows, tr = Swift.min(tileRows, rows - r0)
                if w.format == .f32 {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(tr), Int32(cols), 1,
                                x, Int32(cols), w.data.assumingMemoryBound(to: Float.self) + r0 * cols, Int32(cols),
                                0, y + r0, Int32(rows))
                } else {
                    w.dequantizeRows(r0..<(r0 + tr), into: tile)
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(tr), Int32(cols), 1,
                                x, Int32(cols), tile, Int32(cols), 0, y + r0, Int32(rows))
                }
                t += workers
            }
        }
        if workers == 1 {
            work(0)
        } else {
            pool.parallelFor(workers) { range in for k in range { work(k) } }
        }
    }

    /// Rows of W per sgemm call in `multiplyBatch` for a matrix of `rows` rows: half the matrix (rounded up to 16),
    /// at least 128, within the scratch tile budget. It depends on the matrix only, never on the thread count, so
    /// results are the same for any `--threads`. Single-threaded sgemm with a 200-token X and K = 576 runs at
    /// 94 GFLOP/s with 128 or 256 rows of W and 110 with 512 or more (this VM), while two tiles per matrix still
    /// keep two workers busy: 2-thread prompts went from 584 to 714 tokens/s (SmolLM2 Q4_1, 200 tokens). With
    /// more threads than two a small model's projections leave the extra workers idle (its attention still uses them).
    public static func batchTileRows(rows: Int) -> Int {
        Swift.max(128, (rows + 31) / 32 * 16)
    }

    /// Groups of up to `activationSlots` vectors: quantise the group, then per chunk of 16 weight rows run the matvec kernel
    /// for every vector of the group while those rows are in L1.
    static func multiplySmallBatch(_ w: WeightMatrix, _ x: UnsafePointer<Float>, count n: Int,
                                           into y: UnsafeMutablePointer<Float>, scratch: MatVecScratch, pool: WorkerPool) {
        let group = scratch.activationSlots
        var t0 = 0
        while t0 < n {
            let g = Swift.min(group, n - t0)
            let first = t0
            for t in 0..<g {
                ActivationQuantizer.quantize(x + (first + t) * w.columns, count: w.columns, for: w.format,
                                             into: scratch.activation(t))
            }
            let work = { (range: Range<Int>) in
                var r = range.lowerBound
                while r < range.upperBound {
                    let sub = r..<Swift.min(r + 16, range.upperBound)
                    for t in 0..<g {
                        RowKernel(w: w, a: scratch.activation(t), x: x + (first + t) * w.columns,
                                  y: y + (first + t) * w.rows).run(sub)
                    }
                    r = sub.upperBound
                }
            }
            if pool.threads == 1 || w.byteCount < parallelThresholdBytes || w.rows < 2 {
                work(0..<w.rows)
            } else {
                pool.parallelFor(w.rows, work)
            }
            t0 += g
        }
    }
}

/// One weight matrix bound to one activation vector: computes y[r] for a range of rows with the C kernels of
/// `kernels` (the process's active variant unless a test picks another).
struct RowKernel {
    let w: WeightMatrix
    let a: QuantizedActivation
    let x: UnsafePointer<Float>
    let y: UnsafeMutablePointer<Float>
    var kernels: UnsafePointer<ckern_kernel_table> = KernelVariant.activeTable

    @inline(__always)
    func run(_ rows: Range<Int>) {
        let n = rows.count
        if n <= 0 { return }
        let wp = w.rowPointer(rows.lowerBound)
        let yp = y + rows.lowerBound
        let rb = w.rowBytes, cols = w.columns
        let k = kernels.pointee
        switch w.format {
        case .q8_0: k.gemv_q8_0!(n, cols, wp, rb, a.q, a.d, yp)
        case .q4_0: k.gemv_q4_0!(n, cols, wp, rb, a.q, a.d, a.s, yp)
        case .q4_1: k.gemv_q4_1!(n, cols, wp, rb, a.q, a.d, a.s, yp)
        case .q5_0: k.gemv_q5_0!(n, cols, wp, rb, a.q, a.d, a.s, yp)
        case .q5_1: k.gemv_q5_1!(n, cols, wp, rb, a.q, a.d, a.s, yp)
        case .q4_K: k.gemv_q4_K!(n, cols, wp, rb, a.q, a.d, a.bsums, yp)
        case .q5_K: k.gemv_q5_K!(n, cols, wp, rb, a.q, a.d, a.bsums, yp)
        case .q6_K: k.gemv_q6_K!(n, cols, wp, rb, a.q, a.d, a.bsums, yp)
        case .f32: k.gemv_f32!(n, cols, wp, rb, x, yp)
        case .f16: k.gemv_f16!(n, cols, wp, rb, x, yp)
        case .bf16: k.gemv_bf16!(n, cols, wp, rb, x, yp)
        }
    }
}
