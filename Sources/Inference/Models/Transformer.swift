import Kernels

/// The forward pass of a llama/qwen2 decoder: token ids in, next-token logits out, keys and values kept in a
/// `KVCache`. Single tokens go through quantised matrix–vector products; prompt batches through dequantised
/// tiles and OpenBLAS sgemm. All buffers are allocated once, at creation.
///
/// Not thread-safe: one generation at a time (the work inside a call is spread over `pool`).
public final class Transformer: @unchecked Sendable {
    public let configuration: TransformerConfiguration
    public let weights: TransformerWeights
    public let cache: KVCache
    public let pool: WorkerPool
    /// Most tokens processed in one batched step.
    public let maxBatch: Int

    private let inverseFrequencies: FloatVector
    private let scratch: MatVecScratch
    private let x, h, q, k, v, attention, projected, gate, up: FloatVector
    private let scores: FloatVector
    private let ropeCos, ropeSin: FloatVector
    private let logitsBuffer: FloatVector
    /// The query, key and value matrices of each layer (and gate and up), for the one-token path's single dispatch.
    private let qkv: [[WeightMatrix]]
    private let gateUp: [[WeightMatrix]]
    private let qkvOutputs: [UnsafeMutablePointer<Float>]
    private let gateUpOutputs: [UnsafeMutablePointer<Float>]

    /// Query rows per sgemm in batched attention (bounds the scores buffer: this many rows × the context length).
    static let attentionChunk = 64

    /// - Parameters:
    ///   - contextLength: positions the cache holds (at most the model's own context length).
    ///   - threads: worker threads, the caller included.
    public init(weights: TransformerWeights, configuration c: TransformerConfiguration, contextLength: Int,
                threads: Int, maxBatch: Int = 256) throws {
        guard contextLength > 0, contextLength <= c.contextLength else {
            throw GenerationError.invalidParameter("context length \(contextLength) must be between 1 and the model's \(c.contextLength)")
        }
        configuration = c
        self.weights = weights
        self.maxBatch = max(1, maxBatch)
        cache = try KVCache(layers: c.layerCount, kvHeads: c.kvHeadCount, headDimension: c.headDimension,
                            capacity: contextLength)
        pool = WorkerPool(threads: max(1, threads))
        inverseFrequencies = FloatVector(c.inverseFrequencies(factors: weights.ropeFactors))
        let qRows = c.headCount * c.headDimension, kvRows = c.kvHeadCount * c.headDimension
        let b = self.maxBatch
        // Tiles of 2 MiB: half of a 1536 × 576 projection per sgemm call (see `MatVec.batchTileRows(rows:)`).
        scratch = MatVecScratch(maxColumns: max(c.embeddingLength, qRows, c.feedForwardLength), maxBatch: b,
                                tileBytes: 2 << 20,
                                tiles: max(1, threads))
        x = FloatVector(count: b * c.embeddingLength)
        h = FloatVector(count: b * c.embeddingLength)
        q = FloatVector(count: b * qRows)
        k = FloatVector(count: b * kvRows)
        v = FloatVector(count: b * kvRows)
        attention = FloatVector(count: b * qRows)
        projected = FloatVector(count: b * c.embeddingLength)
        gate = FloatVector(count: b * c.feedForwardLength)
        up = FloatVector(count: b * c.feedForwardLength)
        scores = FloatVector(count: max(1, threads) * min(b, Self.attentionChunk) * contextLength)
        ropeCos = FloatVector(count: b * max(1, c.ropeDimensions / 2))
        ropeSin = FloatVector(count: b * max(1, c.ropeDimensions / 2))
        logitsBuffer = FloatVector(count: c.vocabularySize)
        qkv = weights.layers.map { [$0.query, $0.key, $0.value] }
        gateUp = weights.layers.map { [$0.gate, $0.up] }
        qkvOutputs = [q.pointer, k.pointer, v.pointer]
        gateUpOutputs = [gate.pointer, up.pointer]
    }

    /// Positions processed so far.
    public var position: Int { cache.count }

    /// Forgets the cached context.
    public func reset() { cache.reset() }

    /// Runs `tokens` at the next positions and returns the logits after the last one (valid until the next
    /// call). Throws when the context window would overflow or an id is outside the vocabulary.
    @discardableResult
    public func forward(_ tokens: [Int]) throws -> UnsafeBufferPointer<Float> {
        // A thrown error, not a precondition: this module is compiled -Ounchecked, where preconditions vanish.
        guard !tokens.isEmpty else { throw GenerationError.invalidParameter("forward needs at least one token") }
        guard cache.count + tokens.count <= cache.capacity else {
            throw GenerationError.contextLength(prompt: cache.count + tokens.count, context: cache.capacity)
        }
        for t in tokens where t < 0 || t >= configuration.vocabularySize { throw GenerationError.invalidToken(t) }
        var start = 0
        while start < tokens.count {
            let n = min(maxBatch, tokens.count - start)
            step(tokens[start..<start + n], last: start + n == tokens.count)
            start += n
        }
        return UnsafeBufferPointer(start: logitsBuffer.pointer, count: configuration.vocabularySize)
    }

    /// One batch of `n` tokens through every layer; computes logits for the batch's last token when `last`.
    private func step(_ tokens: ArraySlice<Int>, last: Bool) {
        let c = configuration
        let n = tokens.count, d = c.embeddingLength
        let start = cache.count
        for (i, t) in tokens.enumerated() { weights.tokenEmbedding.dequantizeRow(t, into: x.pointer + i * d) }
        for (l, layer) in weights.layers.enumerated() {
            attentionBlock(layer: l, weights: layer, count: n, start: start)
            feedForwardBlock(layer: l, weights: layer, count: n)
        }
        cache.count = start + n
        guard last else { return }
        let lastRow = x.pointer + (n - 1) * d
        VectorOps.rmsNorm(lastRow, weight: weights.outputNorm.pointer, count: d, epsilon: c.rmsEpsilon, into: h.pointer)
        MatVec.multiply(weights.output, h.pointer, into: logitsBuffer.pointer, scratch: scratch, pool: pool)
    }

    /// `out[n × rows] = in[n × columns] · Wᵀ`: a matrix–vector product for one token, sgemm for a batch.
    private func project(_ w: WeightMatrix, _ input: UnsafePointer<Float>, count n: Int, into out: UnsafeMutablePointer<Float>) {
        if n == 1 {
            MatVec.multiply(w, input, into: out, scratch: scratch, pool: pool)
        } else {
            MatVec.multiplyBatch(w, input, count: n, into: out, scratch: scratch, pool: pool)
        }
    }

    private func addBias(_ bias: FloatVector?, to out: UnsafeMutablePointer<Float>, count n: Int) {
        guard let bias else { return }
        for i in 0..<n { VectorOps.add(out + i * bias.count, bias.pointer, count: bias.count) }
    }

    private func attentionBlock(layer l: Int, weights w: TransformerWeights.Layer, count n: Int, start: Int) {
        let c = configuration
        let d = c.embeddingLength, hd = c.headDimension
        let qRows = c.headCount * hd, kvRows = c.kvHeadCount * hd
        for i in 0..<n {
            VectorOps.rmsNorm(x.pointer + i * d, weight: w.attentionNorm.pointer, count: d, epsilon: c.rmsEpsilon,
                              into: h.pointer + i * d)
        }
        if n == 1 {
            MatVec.multiply(qkv[l], h.pointer, into: qkvOutputs, scratch: scratch, pool: pool)
        } else {
            project(w.query, h.pointer, count: n, into: q.pointer)
            project(w.key, h.pointer, count: n, into: k.pointer)
            project(w.value, h.pointer, count: n, into: v.pointer)
        }
        addBias(w.queryBias, to: q.pointer, count: n)
        addBias(w.keyBias, to: k.pointer, count: n)
        addBias(w.valueBias, to: v.pointer, count: n)
        // RoPE (one cos/sin table per position, shared by every head), then append keys and values to the cache.
        let neox = c.architecture.ropeIsNeox
        let half = c.ropeDimensions / 2
        for i in 0..<n {
            let pos = start + i
            let cosTable = ropeCos.pointer + i * half, sinTable = ropeSin.pointer + i * half
            if l == 0 {
                VectorOps.ropeTables(position: pos, inverseFrequencies: inverseFrequencies.pointer, count: half,
                                     cos: cosTable, sin: sinTable)
            }
            for head in 0..<c.headCount {
                VectorOps.rope(q.pointer + i * qRows + head * hd, headDim: c.ropeDimensions, cos: cosTable, sin: sinTable,
                               neox: neox)
            }
            for head in 0..<c.kvHeadCount {
                let key = k.pointer + i * kvRows + head * hd
                VectorOps.rope(key, headDim: c.ropeDimensions, cos: cosTable, sin: sinTable, neox: neox)
                (cache.keys(layer: l, head: head) + pos * hd).update(from: key, count: hd)
                (cache.values(layer: l, head: head) + pos * hd).update(from: v.pointer + i * kvRows + head * hd, count: hd)
            }
        }
        let group = c.headCount / c.kvHeadCount
        let scale = 1 / Float(hd).squareRoot()
        let cache = self.cache, q = self.q.pointer, out = attention.pointer, scores = self.scores.pointer
        let capacity = cache.capacity, heads = c.headCount
        let workers = pool.threads
        if n > 1 {
            // A batch: per (head, chunk of query rows), two sgemm calls. Jobs are dealt out round-robin so the
            // causal chunks, which grow along the batch, balance across the workers.
            let chunk = Self.attentionChunk
            let chunks = (n + chunk - 1) / chunk, jobs = heads * chunks
            let slot = Swift.min(n, chunk) * capacity
            pool.parallelFor(workers) { range in
                for worker in range {
                    var job = worker
                    while job < jobs {
                        let head = job % heads, first = (job / heads) * chunk
                        let rows = Swift.min(chunk, n - first)
                        Attention.causal(queries: q + first * qRows + head * hd, queryStride: qRows, count: rows,
                                         start: start + first, keys: cache.keys(layer: l, head: head / group),
                                         values: cache.values(layer: l, head: head / group), headDimension: hd,
                                         scale: scale, scores: scores + worker * slot,
                                         into: out + first * qRows + head * hd, outputStride: qRows)
                        job += workers
                    }
                }
            }
        } else {
            // One token: every head on its own, spread over the pool.
            let length = start + 1
            pool.parallelFor(workers) { range in
                for worker in range {
                    let s = scores + worker * capacity
                    var head = worker
                    while head < heads {
                        Attention.single(query: q + head * hd, keys: cache.keys(layer: l, head: head / group),
                                         values: cache.values(layer: l, head: head / group), length: length,
                                         headDimension: hd, scale: scale, scores: s, into: out + head * hd)
                        head += workers
                    }
                }
            }
        }
        project(w.attentionOutput, attention.pointer, count: n, into: projected.pointer)
        VectorOps.add(x.pointer, projected.pointer, count: n * d)
    }

    private func feedForwardBlock(layer layerIndex: Int, weights w: TransformerWeights.Layer, count n: Int) {
        let c = configuration
        let d = c.embeddingLength, ff = c.feedForwardLength
        for i in 0..<n {
            VectorOps.rmsNorm(x.pointer + i * d, weight: w.feedForwardNorm.pointer, count: d, epsilon: c.rmsEpsilon,
                              into: h.pointer + i * d)
        }
        if n == 1 {
            MatVec.multiply(gateUp[layerIndex], h.pointer, into: gateUpOutputs, scratch: scratch, pool: pool)
        } else {
            project(w.gate, h.pointer, count: n, into: gate.pointer)
            project(w.up, h.pointer, count: n, into: up.pointer)
        }
        VectorOps.siluMultiply(gate.pointer, up.pointer, count: n * ff)
        project(w.down, gate.pointer, count: n, into: projected.pointer)
        VectorOps.add(x.pointer, projected.pointer, count: n * d)
    }
}
