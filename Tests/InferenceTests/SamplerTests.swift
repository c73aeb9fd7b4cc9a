import Testing
@testable import Inference

/// Hand-computed cases on four-token distributions (the style of llama.cpp's test-sampling).
@Suite("Samplers")
struct SamplerTests {
    /// logits ln(0.1), ln(0.2), ln(0.3), ln(0.4): probabilities 0.1, 0.2, 0.3, 0.4 for ids 0…3.
    static let logits: [Float] = [0.1, 0.2, 0.3, 0.4].map { logf($0) }

    func candidates(_ l: [Float] = SamplerTests.logits) -> TokenCandidates {
        l.withUnsafeBufferPointer { TokenCandidates(logits: $0) }
    }

    func probabilities(_ c: TokenCandidates) -> [Int32: Float] {
        Dictionary(uniqueKeysWithValues: zip(c.ids, c.probabilities()))
    }

    @Test func topKKeepsTheBestSorted() {
        var c = candidates()
        TopKFilter(k: 2).process(&c, history: [])
        #expect(c.ids == [3, 2])
        let p = probabilities(c)
        #expect(abs(p[3]! - 4.0 / 7.0) < 1e-6)
        #expect(abs(p[2]! - 3.0 / 7.0) < 1e-6)
        var all = candidates()
        TopKFilter(k: 0).process(&all, history: [])
        #expect(all.count == 4)
    }

    @Test func topKOnALargeVocabularyUsesTheBoundedSelection() {
        var l = [Float](repeating: 0, count: 1000)
        for i in 0..<1000 { l[i] = Float((i * 7919) % 1000) }
        var c = candidates(l)
        TopKFilter(k: 5).process(&c, history: [])
        #expect(c.logits == [999, 998, 997, 996, 995])
        #expect(c.isSorted)
    }

    @Test func topPKeepsTheSmallestNucleus() {
        // Sorted: 0.4, 0.3, 0.2, 0.1. p = 0.7 → 0.4 + 0.3 reaches it: two tokens.
        var c = candidates()
        TopPFilter(p: 0.7).process(&c, history: [])
        #expect(c.ids == [3, 2])
        var d = candidates()
        TopPFilter(p: 0.71).process(&d, history: [])
        #expect(d.ids == [3, 2, 1])
        var e = candidates()
        TopPFilter(p: 0.1).process(&e, history: [])
        #expect(e.ids == [3])
        var f = candidates()
        TopPFilter(p: 1).process(&f, history: [])
        #expect(f.count == 4)
    }

    @Test func topPSearchesBeyondTheFirstBlock() {
        // 2,000 equal logits: the nucleus of p = 0.49975 is 1,000 tokens (999.5 rounded up), more than the first 256 looked at.
        var c = candidates([Float](repeating: 1, count: 2000))
        TopPFilter(p: 0.49975).process(&c, history: [])
        #expect(c.count == 1000)
    }

    @Test func minPKeepsTokensNearTheBest() {
        // p_max = 0.4; min-p 0.5 → keep p ≥ 0.2: ids 1, 2, 3.
        var c = candidates()
        MinPFilter(p: 0.5).process(&c, history: [])
        #expect(Set(c.ids) == [1, 2, 3])
        var d = candidates()
        MinPFilter(p: 0.8).process(&d, history: [])
        #expect(Set(d.ids) == [3])
    }

    @Test func temperatureScalesLogits() {
        var c = candidates([2, 4, -2, 0])
        TemperatureScaling(temperature: 0.5).process(&c, history: [])
        #expect(c.logits == [4, 8, -4, 0])
        // Temperature 2 on ln-probabilities gives p ∝ sqrt(p).
        var d = candidates()
        TemperatureScaling(temperature: 2).process(&d, history: [])
        let p = probabilities(d)
        let z = [0.1, 0.2, 0.3, 0.4].map { Float($0).squareRoot() }.reduce(0, +)
        #expect(abs(p[0]! - Float(0.1).squareRoot() / z) < 1e-6)
    }

    @Test func repetitionPenaltyDividesPositiveAndMultipliesNegativeLogits() {
        var c = candidates([2, -2, 3, 1])
        RepetitionPenalty(penalty: 2).process(&c, history: [0, 1, 1, 1])
        #expect(c.logits == [1, -4, 3, 1])   // each distinct token once
        var windowed = candidates([2, -2, 3, 1])
        RepetitionPenalty(penalty: 2, window: 1).process(&windowed, history: [0, 1])
        #expect(windowed.logits == [2, -4, 3, 1])
        // After sorting (ids no longer index positions) the penalty still finds the tokens.
        var sorted = candidates([2, -2, 3, 1])
        sorted.sort()
        RepetitionPenalty(penalty: 2).process(&sorted, history: [2])
        #expect(sorted.logits[sorted.ids.firstIndex(of: 2)!] == 1.5)
    }

    @Test func greedyTakesTheArgmaxAfterPenalties() {
        var greedy = GenerationParameters.greedy.makeSampler(seed: 1)
        let l: [Float] = [1, 5, 3, 5]
        #expect(l.withUnsafeBufferPointer { greedy.sample(logits: $0, history: []) } == 1)   // lowest id among ties
        var penalised = GenerationParameters(temperature: 0, repetitionPenalty: 10).makeSampler(seed: 1)
        #expect(l.withUnsafeBufferPointer { penalised.sample(logits: $0, history: [1, 3]) } == 2)
    }

    @Test func drawsFollowTheDistribution() {
        var sampler = GenerationParameters(temperature: 1, topK: 0, topP: 1, repetitionPenalty: 1).makeSampler(seed: 7)
        var counts = [0, 0, 0, 0]
        let n = 40_000
        for _ in 0..<n { counts[Self.logits.withUnsafeBufferPointer { sampler.sample(logits: $0, history: []) }] += 1 }
        for (i, expected) in [0.1, 0.2, 0.3, 0.4].enumerated() {
            #expect(abs(Double(counts[i]) / Double(n) - expected) < 0.01, "token \(i): \(counts[i])")
        }
    }

    @Test func theSameSeedGivesTheSameTokens() {
        let params = GenerationParameters(temperature: 0.9, topK: 3, topP: 0.95)
        func run(_ seed: UInt64) -> [Int] {
            var s = params.makeSampler(seed: seed)
            return (0..<50).map { _ in Self.logits.withUnsafeBufferPointer { s.sample(logits: $0, history: []) } }
        }
        #expect(run(42) == run(42))
        #expect(run(42) != run(43))
    }

    @Test func parametersAreValidatedWithTheFieldNamed() {
        #expect(throws: GenerationError.invalidParameter("top-p must be in (0, 1] (got 1.5)")) {
            try GenerationParameters(topP: 1.5).validate()
        }
        #expect(throws: GenerationError.self) { try GenerationParameters(temperature: -1).validate() }
        #expect(throws: GenerationError.self) { try GenerationParameters(maxTokens: 0).validate() }
    }
}

#if canImport(Glibc)
import Glibc
#endif
