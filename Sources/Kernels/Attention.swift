internal import CKernels
internal import COpenBLAS

/// Causal self-attention of a run of consecutive query positions against one key/value head, as two single-threaded
/// sgemm calls around a row-wise softmax: S = scale · Q·Kᵀ, then O = softmax(S)·V. Used for prompt batches, where the
/// per-pair dot products of the one-token path would cost a third of the prompt's time. One query (decoding) goes
/// through the active `KernelVariant`'s C kernels instead.
public enum Attention {
    /// One query at the newest of `length` cached positions: scores = scale · q·kᵀ, softmax, then the weighted sum
    /// of the values into `output` (`headDimension` floats). `scores` must hold `length` floats.
    public static func single(query: UnsafePointer<Float>, keys: UnsafePointer<Float>, values: UnsafePointer<Float>,
                              length: Int, headDimension hd: Int, scale: Float, scores: UnsafeMutablePointer<Float>,
                              into output: UnsafeMutablePointer<Float>) {
        if length <= 0 { return }
        let k = KernelVariant.activeTable.pointee
        k.attn_scores!(query, keys, length, hd, scale, scores)
        VectorOps.softmax(scores, count: length)
        k.attn_mix!(scores, values, length, hd, output)
    }

    /// For each of the `count` queries (query `i` at position `start + i`, `queryStride` floats apart), attends over
    /// cached positions `0 ... start + i` of `keys`/`values` (`headDimension` floats per position, contiguous) and
    /// writes the `headDimension` results `outputStride` floats apart. `scores` must hold `count · (start + count)`
    /// floats.
    public static func causal(queries: UnsafePointer<Float>, queryStride: Int, count n: Int, start: Int,
                              keys: UnsafePointer<Float>, values: UnsafePointer<Float>, headDimension hd: Int,
                              scale: Float, scores: UnsafeMutablePointer<Float>,
                              into output: UnsafeMutablePointer<Float>, outputStride: Int) {
        if n <= 0 { return }
        let length = start + n
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(length), Int32(hd), scale,
                    queries, Int32(queryStride), keys, Int32(hd), 0, scores, Int32(length))
        for i in 0..<n {
            let row = scores + i * length
            let visible = start + i + 1
            VectorOps.softmax(row, count: visible)
            if visible < length { (row + visible).update(repeating: 0, count: length - visible) }
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(hd), Int32(length), 1,
                    scores, Int32(length), values, Int32(hd), 0, output, Int32(outputStride))
    }
}
