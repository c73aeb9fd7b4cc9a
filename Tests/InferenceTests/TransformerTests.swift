import Foundation
import GGUF
import Kernels
import Testing
import TestSupport
import Tokenization
@testable import Inference

@Suite("Transformer forward pass")
struct TransformerTests {
    func make(_ tiny: TinyModel, threads: Int = 2, maxBatch: Int = 256, context: Int? = nil) throws -> (Transformer, ReferenceTransformer) {
        let file = try GGUFFile(bytes: tiny.bytes(), name: "tiny.gguf")
        let configuration = try TransformerConfiguration(gguf: file)
        let weights = try TransformerWeights(file: file, configuration: configuration)
        let transformer = try Transformer(weights: weights, configuration: configuration,
                                          contextLength: context ?? configuration.contextLength,
                                          threads: threads, maxBatch: maxBatch)
        return (transformer, try ReferenceTransformer(file: file))
    }

    /// Largest |a − b| relative to the largest |b|.
    func relativeError(_ a: UnsafeBufferPointer<Float>, _ b: [Float]) -> Float {
        var worst: Float = 0, scale: Float = 1e-6
        for i in b.indices { worst = max(worst, abs(a[i] - b[i])); scale = max(scale, abs(b[i])) }
        return worst / scale
    }

    static let prompt = [72, 101, 108, 108, 111, 44, 32, 260, 100, 111, 99, 116, 111, 114]

    @Test(arguments: ["llama", "qwen2"])
    func forwardMatchesTheReference(architecture: String) throws {
        let (model, reference) = try make(TinyModel(architecture: architecture))
        let expected = reference.logits(Self.prompt)
        let logits = try model.forward(Self.prompt)
        #expect(relativeError(logits, expected.last!) < 1e-4)
    }

    @Test(arguments: ["llama", "qwen2"])
    func incrementalDecodingEqualsFullRecomputation(architecture: String) throws {
        let (model, reference) = try make(TinyModel(architecture: architecture))
        let expected = reference.logits(Self.prompt)
        // A prompt batch, then one token at a time: every step's logits match the full recomputation.
        _ = try model.forward(Array(Self.prompt.prefix(5)))
        for i in 5..<Self.prompt.count {
            let logits = try model.forward([Self.prompt[i]])
            #expect(relativeError(logits, expected[i]) < 1e-4, "position \(i)")
        }
        #expect(model.position == Self.prompt.count)
    }

    @Test func batchesSplitIntoChunksGiveTheSameLogits() throws {
        let (whole, _) = try make(TinyModel())
        let (chunked, _) = try make(TinyModel(), maxBatch: 3)
        let a = Array(try whole.forward(Self.prompt))
        let b = try chunked.forward(Self.prompt)
        #expect(relativeError(b, a) < 1e-5)
    }

    @Test(arguments: [QuantFormat.q8_0, .q4_0, .q4_1, .q5_0, .q5_1])
    func quantisedWeightsAgreeWithTheirDequantisedReference(format: QuantFormat) throws {
        let (model, reference) = try make(TinyModel(matrixFormat: format, embeddingFormat: .q8_0))
        let expected = reference.logits(Self.prompt)
        // Prompt: sgemm on dequantised tiles (float activations), but the output projection of the last token is a
        // matrix–vector product over 8-bit activations.
        let logits = Array(try model.forward(Self.prompt))
        logits.withUnsafeBufferPointer { #expect(relativeError($0, expected.last!) < 0.02) }
        // Decoding: integer dots over 8-bit activations, so a looser bound.
        let next = try model.forward([101])
        let expectedNext = reference.logits(Self.prompt + [101]).last!
        #expect(relativeError(next, expectedNext) < 0.05)
    }

    @Test func tiedOutputAndRopeFrequencyFactors() throws {
        let factors: [Float] = (0..<8).map { 1 + Float($0) }
        let (model, reference) = try make(TinyModel(tiedOutput: true, ropeFactors: factors))
        let expected = reference.logits(Self.prompt)
        #expect(relativeError(try model.forward(Self.prompt), expected.last!) < 1e-4)
    }

    @Test func singleThreadAndManyThreadsAgree() throws {
        let (one, _) = try make(TinyModel(), threads: 1)
        let (three, _) = try make(TinyModel(), threads: 3)
        let a = Array(try one.forward(Self.prompt))
        #expect(relativeError(try three.forward(Self.prompt), a) < 1e-5)
    }

    @Test func contextOverflowAndBadTokensAreErrors() throws {
        let (model, _) = try make(TinyModel(), context: 8)
        #expect(throws: GenerationError.contextLength(prompt: 14, context: 8)) { try model.forward(Self.prompt) }
        #expect(throws: GenerationError.invalidToken(5000)) { try model.forward([5000]) }
        #expect(model.position == 0)
    }

    @Test func missingTensorsAreNamed() throws {
        let b = GGUFBuilderStripping(TinyModel().bytes(), without: "blk.1.ffn_up.weight")
        let file = try GGUFFile(bytes: b.bytes(), name: "broken.gguf")
        let configuration = try TransformerConfiguration(gguf: file)
        #expect(throws: GenerationError.unsupportedModel("broken.gguf: tensor 'blk.1.ffn_up.weight' is missing")) {
            try TransformerWeights(file: file, configuration: configuration)
        }
    }

    @Test func llama3ScalingFollowsTheReferenceFormula() {
        var c = TransformerConfiguration(architecture: .llama, layerCount: 1, embeddingLength: 128, feedForwardLength: 8,
                                         headCount: 1, kvHeadCount: 1, ropeBase: 500_000, contextLength: 131_072,
                                         vocabularySize: 10)
        c.ropeScaling = .init(factor: 8, lowFrequencyFactor: 1, highFrequencyFactor: 4, originalContextLength: 8192)
        let scaled = c.inverseFrequencies()
        c.ropeScaling = nil
        let plain = c.inverseFrequencies()
        // High frequencies (wavelength < 8192 / 4) are kept, low ones (wavelength > 8192) divided by 8.
        #expect(scaled[0] == plain[0])
        #expect(abs(scaled[63] - plain[63] / 8) < 1e-12)
        let i = (0..<64).first { 2 * Float.pi / plain[$0] > 2048 && 2 * Float.pi / plain[$0] < 8192 }!
        #expect(scaled[i] < plain[i] && scaled[i] > plain[i] / 8)
    }
}

/// Rebuilds a tiny model image without one tensor (to test the error for a missing tensor).
struct GGUFBuilderStripping {
    let image: [UInt8]
    init(_ image: [UInt8], without name: String) {
        let file = try! GGUFFile(bytes: image, name: "x")
        var b = GGUFBuilder()
        for key in file.metadataKeys { b.add(key, file.metadata[key]!) }
        for t in file.tensors where t.name != name {
            b.addTensor(name: t.name, dimensions: t.dimensions, type: t.type, data: Array(try! file.tensorData(t)))
        }
        self.image = b.bytes()
    }
    func bytes() -> [UInt8] { image }
}
