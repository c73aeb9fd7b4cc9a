import Foundation

/// The two generations `ddx compare` runs on one case or question: from up to two `--model`, `--endpoint` and `--seed`
/// values, what side A and side B each use, and what to call them. A single value is shared by both sides; the two
/// sides must differ in something.
///
/// ```swift
/// let plan = try ComparisonRunPlan(models: [], endpoints: [], seeds: [1, 2])
/// plan.a.seed   // 1
/// plan.a.name   // "seed 1"
/// ```
public struct ComparisonRunPlan: Sendable, Equatable {
    /// One side's generation.
    public struct Run: Sendable, Equatable {
        /// A GGUF file (or, with `endpoint`, the server's model name); nil for the default model.
        public var model: String?
        /// The OpenAI-compatible server, when not generating in-process.
        public var endpoint: String?
        /// The seed; never nil in a plan (a random one is drawn once and shared when none is given).
        public var seed: UInt64?
        /// A short name for pages and legends (`SmolLM2-135M-Instruct-Q4_1.gguf`, `seed 7`, `model · seed 7`).
        public var name: String
    }

    public let a: Run
    public let b: Run

    /// Plans the two runs; a one-line error when more than two of anything is given, a server model has no name, or
    /// both sides would be the same run. `randomSeed` is used (for both sides) when no seed is given.
    public init(models: [String], endpoints: [String], seeds: [UInt64],
                randomSeed: UInt64 = UInt64.random(in: 0...UInt64(UInt32.max))) throws {
        for (flag, count) in [("--model", models.count), ("--endpoint", endpoints.count), ("--seed", seeds.count)] where count > 2 {
            throw InputError("\(flag) was given \(count) times; compare takes at most two (one per side)")
        }
        func pick<T>(_ values: [T], _ side: Int) -> T? { values.count == 2 ? values[side] : values.first }
        var runs: [Run] = []
        for side in 0..<2 {
            let model = pick(models, side), endpoint = pick(endpoints, side)
            if endpoint != nil && (model ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw InputError("--endpoint needs --model NAME for side \(side == 0 ? "A" : "B"), the model name the server knows")
            }
            runs.append(Run(model: model, endpoint: endpoint, seed: pick(seeds, side) ?? randomSeed, name: ""))
        }
        guard runs[0].model != runs[1].model || runs[0].endpoint != runs[1].endpoint || runs[0].seed != runs[1].seed else {
            throw InputError("both sides would be the same run: give two texts, two models (--model X --model Y) or two seeds (--seed 1 --seed 2)")
        }
        let modelsDiffer = runs[0].model != runs[1].model || runs[0].endpoint != runs[1].endpoint
        let seedsDiffer = runs[0].seed != runs[1].seed
        for i in runs.indices {
            let run = runs[i]
            var model = run.model.map { run.endpoint == nil ? ($0 as NSString).lastPathComponent : $0 } ?? "default model"
            if modelsDiffer && run.model == runs[1 - i].model, let endpoint = run.endpoint { model += " @ " + endpoint }
            switch (modelsDiffer, seedsDiffer) {
            case (true, true): runs[i].name = "\(model) · seed \(run.seed ?? 0)"
            case (true, false): runs[i].name = model
            default: runs[i].name = "seed \(run.seed ?? 0)"
            }
        }
        a = runs[0]
        b = runs[1]
    }
}
