import GGUF

/// The shape of a decoder-only transformer, read from a GGUF file's `{architecture}.*` keys.
///
/// Supported: `llama` (SmolLM2, Llama 3.x incl. llama3 RoPE scaling) and `qwen2` (Q/K/V biases, NeoX RoPE).
public struct TransformerConfiguration: Sendable, Equatable {
    public enum Architecture: String, Sendable, CaseIterable {
        case llama, qwen2

        /// Whether RoPE rotates the two halves of a head (NeoX) rather than adjacent pairs: llama.cpp's rope type
        /// per architecture (LLAMA_ROPE_TYPE_NORM for llama, whose converter permutes Q/K; NEOX for qwen2).
        public var ropeIsNeox: Bool { self == .qwen2 }
    }

    public var architecture: Architecture
    public var layerCount: Int
    public var embeddingLength: Int
    public var feedForwardLength: Int
    public var headCount: Int
    public var kvHeadCount: Int
    public var headDimension: Int
    public var rmsEpsilon: Float
    public var ropeBase: Float
    /// Dimensions of each head that RoPE rotates (usually all of them).
    public var ropeDimensions: Int
    /// Llama 3.1-style frequency scaling, when the file asks for it by metadata.
    public var ropeScaling: RopeScaling?
    public var contextLength: Int
    public var vocabularySize: Int

    /// llama3 RoPE scaling parameters (`rope_scaling.rope_type = llama3` in the Hugging Face config).
    public struct RopeScaling: Sendable, Equatable {
        public var factor: Float
        public var lowFrequencyFactor: Float
        public var highFrequencyFactor: Float
        public var originalContextLength: Int
    }

    public init(architecture: Architecture, layerCount: Int, embeddingLength: Int, feedForwardLength: Int,
                headCount: Int, kvHeadCount: Int, headDimension: Int? = nil, rmsEpsilon: Float = 1e-5,
                ropeBase: Float = 10_000, ropeDimensions: Int? = nil, ropeScaling: RopeScaling? = nil,
                contextLength: Int, vocabularySize: Int) {
        self.architecture = architecture
        self.layerCount = layerCount
        self.embeddingLength = embeddingLength
        self.feedForwardLength = feedForwardLength
        self.headCount = headCount
        self.kvHeadCount = kvHeadCount
        let hd = headDimension ?? embeddingLength / max(headCount, 1)
        self.headDimension = hd
        self.rmsEpsilon = rmsEpsilon
        self.ropeBase = ropeBase
        self.ropeDimensions = ropeDimensions ?? hd
        self.ropeScaling = ropeScaling
        self.contextLength = contextLength
        self.vocabularySize = vocabularySize
    }

    /// Reads the configuration; the error names the missing or impossible key.
    public init(gguf file: GGUFFile) throws {
        guard let name = try file.string("general.architecture") else {
            throw GenerationError.unsupportedModel("\(file.path): no general.architecture key; not a model file")
        }
        guard let arch = Architecture(rawValue: name) else {
            throw GenerationError.unsupportedModel("\(file.path): architecture '\(name)' is not supported (supported: \(Architecture.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        func required(_ key: String) throws -> Int {
            guard let v = try file.integer("\(name).\(key)") else {
                throw GenerationError.unsupportedModel("\(file.path): missing \(name).\(key)")
            }
            return v
        }
        let embedding = try required("embedding_length")
        let heads = try required("attention.head_count")
        let vocab = try file.integer("\(name).vocab_size") ?? file.strings("tokenizer.ggml.tokens")?.count
            ?? file.tensor(named: "token_embd.weight")?.dimensions.last ?? 0
        var scaling: RopeScaling?
        if try file.string("\(name).rope.scaling.type") == "llama3" {
            scaling = RopeScaling(
                factor: Float(try file.float("\(name).rope.scaling.factor") ?? 8),
                lowFrequencyFactor: Float(try file.float("\(name).rope.scaling.low_freq_factor") ?? 1),
                highFrequencyFactor: Float(try file.float("\(name).rope.scaling.high_freq_factor") ?? 4),
                originalContextLength: try file.integer("\(name).rope.scaling.original_context_length") ?? 8192)
        }
        self.init(
            architecture: arch, layerCount: try required("block_count"), embeddingLength: embedding,
            feedForwardLength: try required("feed_forward_length"), headCount: heads,
            kvHeadCount: try file.integer("\(name).attention.head_count_kv") ?? heads,
            headDimension: try file.integer("\(name).attention.key_length"),
            rmsEpsilon: Float(try file.float("\(name).attention.layer_norm_rms_epsilon") ?? 1e-5),
            ropeBase: Float(try file.float("\(name).rope.freq_base") ?? 10_000),
            ropeDimensions: try file.integer("\(name).rope.dimension_count"),
            ropeScaling: scaling,
            contextLength: try required("context_length"), vocabularySize: vocab)
        try validate(path: file.path)
    }

    /// Rejects shapes the engine cannot run (or that would allocate absurdly).
    public func validate(path: String) throws {
        func fail(_ m: String) -> GenerationError { .unsupportedModel("\(path): \(m)") }
        guard (1...512).contains(layerCount) else { throw fail("block_count \(layerCount) is out of range") }
        guard (1...65_536).contains(embeddingLength) else { throw fail("embedding_length \(embeddingLength) is out of range") }
        guard (1...1_048_576).contains(feedForwardLength) else { throw fail("feed_forward_length \(feedForwardLength) is out of range") }
        guard headCount > 0, kvHeadCount > 0, headCount % kvHeadCount == 0 else {
            throw fail("head_count \(headCount) is not a multiple of head_count_kv \(kvHeadCount)")
        }
        guard headDimension > 0, headDimension % 2 == 0, headDimension <= 1024 else { throw fail("head dimension \(headDimension) is not supported") }
        guard ropeDimensions > 0, ropeDimensions <= headDimension, ropeDimensions % 2 == 0 else { throw fail("rope.dimension_count \(ropeDimensions) is not supported") }
        guard contextLength > 0, contextLength <= 16_777_216 else { throw fail("context_length \(contextLength) is out of range") }
        guard vocabularySize > 0, vocabularySize <= 4_194_304 else { throw fail("vocabulary size \(vocabularySize) is out of range") }
        guard rmsEpsilon > 0, rmsEpsilon < 1, ropeBase > 0 else { throw fail("rms epsilon or rope base is out of range") }
    }

    /// Inverse RoPE frequencies for each rotated pair (`ropeDimensions / 2` values): base^(−2i/d), scaled as
    /// llama3 asks (Meta's Llama 3.1 reference `apply_scaling`), then divided by per-pair `factors` when the file
    /// ships them (`rope_freqs.weight`, how llama.cpp's converter stores llama3 scaling).
    public func inverseFrequencies(factors: [Float]? = nil) -> [Float] {
        let half = ropeDimensions / 2
        var out = (0..<half).map { i in Float(pow(Double(ropeBase), -2 * Double(i) / Double(ropeDimensions))) }
        if let factors, factors.count == half {
            for i in 0..<half { out[i] /= factors[i] }
        } else if let s = ropeScaling {
            let lowWavelength = Float(s.originalContextLength) / s.lowFrequencyFactor
            let highWavelength = Float(s.originalContextLength) / s.highFrequencyFactor
            for i in 0..<half {
                let wavelength = 2 * Float.pi / out[i]
                if wavelength < highWavelength { continue }
                if wavelength > lowWavelength { out[i] /= s.factor; continue }
                let smooth = (Float(s.originalContextLength) / wavelength - s.lowFrequencyFactor)
                    / (s.highFrequencyFactor - s.lowFrequencyFactor)
                out[i] = (1 - smooth) * out[i] / s.factor + smooth * out[i]
            }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#endif
