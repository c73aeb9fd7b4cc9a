import Foundation
import Inference
import Kernels

/// `ddx bench model`: prompt and generation tokens/s of the in-process engine on a GGUF file, time to first
/// token and peak memory; medians over repetitions. The anchor in the same run is the weight bytes one generated
/// token must read, turned into the memory-bandwidth ceiling on tokens/s.
public struct ModelBenchmark: Sendable {
    public var model: String
    public var threads: Int
    public var promptTokens: Int
    public var generatedTokens: Int
    public var promptTokensPerSecond: Double
    public var generationTokensPerSecond: Double
    /// Process start (or, failing that, the benchmark's start) to the first generated token of the first run.
    public var timeToFirstTokenMs: Double
    /// The start of the model load to the first generated token of the first run (excludes process start-up, so it
    /// compares with an engine embedded in another program).
    public var timeToFirstTokenFromLoadMs: Double
    public var peakRSSMiB: Double
    public var weightBytesPerToken: Int
    public var loadSeconds: Double

    /// Runs `repetitions` rounds: a `promptTokens`-token prompt (deterministic ids from the vocabulary's ordinary
    /// tokens) in one batch, then `genTokens` greedy tokens one at a time.
    public static func run(path: String, threads: Int, promptTokens: Int, genTokens: Int, repetitions: Int,
                           processStart: Double?) throws -> ModelBenchmark {
        let t0 = MonotonicClock.seconds()
        let model = try GGUFModel.load(path: path, threads: threads, contextLength: promptTokens + genTokens + 1)
        let loadSeconds = MonotonicClock.seconds() - t0
        let vocabulary = model.tokenizer.vocabulary
        let ordinary = (0..<vocabulary.count).filter { !vocabulary.isControl($0) && !vocabulary.isEndOfGeneration($0) }
        var rng = SeededRandom(seed: 1234)
        let prompt = (0..<promptTokens).map { _ in ordinary[Int(rng.next() % UInt64(ordinary.count))] }
        var promptRates: [Double] = [], genRates: [Double] = []
        var ttft = 0.0, ttftFromLoad = 0.0
        for round in 0..<max(1, repetitions) {
            model.transformer.reset()
            let p0 = MonotonicClock.seconds()
            var logits = try model.transformer.forward(prompt)
            var next = TokenCandidates.argmax(logits)
            let p1 = MonotonicClock.seconds()
            if round == 0 { ttft = (p1 - (processStart ?? t0)) * 1000; ttftFromLoad = (p1 - t0) * 1000 }
            promptRates.append(Double(promptTokens) / (p1 - p0))
            for _ in 0..<genTokens {
                logits = try model.transformer.forward([next])
                next = TokenCandidates.argmax(logits)
            }
            genRates.append(Double(genTokens) / (MonotonicClock.seconds() - p1))
        }
        let weights = model.file.tensors.filter { $0.name != "token_embd.weight" || model.transformer.weights.output.data == model.transformer.weights.tokenEmbedding.data }
            .reduce(0) { $0 + $1.byteCount }
        return ModelBenchmark(model: (path as NSString).lastPathComponent, threads: threads, promptTokens: promptTokens,
                              generatedTokens: genTokens, promptTokensPerSecond: median(promptRates),
                              generationTokensPerSecond: median(genRates), timeToFirstTokenMs: ttft,
                              timeToFirstTokenFromLoadMs: ttftFromLoad,
                              peakRSSMiB: ProcessMemory.peakResidentMiB() ?? 0, weightBytesPerToken: weights,
                              loadSeconds: loadSeconds)
    }

    private static func median(_ v: [Double]) -> Double {
        let s = v.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// `{"prompt_tps": …, "gen_tps": …, "ttft_ms": …, "peak_rss_mb": …}` plus context fields.
    public var json: String {
        func n(_ x: Double) -> String { String(format: "%.1f", x) }
        return "{\"prompt_tps\":\(n(promptTokensPerSecond)),\"gen_tps\":\(n(generationTokensPerSecond)),\"ttft_ms\":\(n(timeToFirstTokenMs)),\"ttft_from_load_ms\":\(n(timeToFirstTokenFromLoadMs)),\"peak_rss_mb\":\(n(peakRSSMiB)),\"model\":\(JSONText.string(model)),\"threads\":\(threads),\"prompt_tokens\":\(promptTokens),\"gen_tokens\":\(generatedTokens),\"load_s\":\(String(format: "%.3f", loadSeconds)),\"kernels\":\"\(MatVec.kernelVariant)\",\"blas_core\":\(JSONText.string(BLASRuntime.coreName))}"
    }

    /// Lines for people, with the bandwidth anchor.
    public var report: String {
        let mb = Double(weightBytesPerToken) / 1e6
        return """
        model: \(model), \(threads) thread\(threads == 1 ? "" : "s"), kernels \(MatVec.kernelVariant), OpenBLAS core \(BLASRuntime.coreName)
          prompt (\(promptTokens) tokens, one batch)   \(String(format: "%.1f", promptTokensPerSecond)) tokens/s
          generation (\(generatedTokens) tokens, greedy) \(String(format: "%.1f", generationTokensPerSecond)) tokens/s
          time to first token         \(String(format: "%.0f", timeToFirstTokenMs)) ms from process start, \(String(format: "%.0f", timeToFirstTokenFromLoadMs)) ms from the load's start (load \(String(format: "%.0f", loadSeconds * 1000)) ms)
          peak RSS                    \(String(format: "%.1f", peakRSSMiB)) MiB
          anchor: each generated token reads \(String(format: "%.1f", mb)) MB of weights; at 31 GB/s that caps generation at \(String(format: "%.0f", 31_000 / mb)) tokens/s (this run: \(String(format: "%.0f", generationTokensPerSecond * mb / 31_000 * 100))% of it)
        """
    }
}
