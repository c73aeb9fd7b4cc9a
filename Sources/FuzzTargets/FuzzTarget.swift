/// One fuzzing target: a named function that takes arbitrary bytes, drives one part of ddx with them, and checks
/// the properties that must hold for every input.
///
/// A target returns normally for every input ddx rejects cleanly (a thrown error is the expected outcome for most
/// hostile inputs). It throws ``FuzzViolation`` when a property fails, and any crash, trap, leak or hang inside it
/// is a bug. `ddx-fuzz` runs targets under libFuzzer (`scripts/fuzz`) or replays saved inputs; the test suite
/// replays every saved input (`Tests/FuzzTargetsTests/Corpus/<name>/`).
public struct FuzzTarget: Sendable {
    /// The name used on the command line and as the corpus directory name.
    public let name: String
    /// What the target drives and checks, one line.
    public let summary: String
    /// Repository-relative directories whose files seed the corpus (besides the target's own saved corpus).
    public let seedDirectories: [String]
    /// Largest input libFuzzer should generate, in bytes.
    public let maxInputLength: Int
    /// Whether libFuzzer checks each input for leaks as it runs (the default). False for targets whose system
    /// libraries leak on every input in ways LeakSanitizer can only suppress with slow stack unwinding:
    /// `scripts/fuzz` then fuzzes them without per-input leak checks and replays part of their corpus afterwards
    /// with full unwinding and a leak check at exit.
    public let checksLeaksPerInput: Bool
    private let body: @Sendable ([UInt8]) throws -> Void

    /// A target named `name` that runs `body` on each input.
    public init(name: String, summary: String, seedDirectories: [String] = [], maxInputLength: Int = 4096,
                checksLeaksPerInput: Bool = true, body: @escaping @Sendable ([UInt8]) throws -> Void) {
        self.name = name
        self.summary = summary
        self.seedDirectories = seedDirectories
        self.maxInputLength = maxInputLength
        self.checksLeaksPerInput = checksLeaksPerInput
        self.body = body
    }

    /// Runs the target on one input.
    /// - Throws: ``FuzzViolation`` when a property that must hold for every input fails.
    public func run(_ input: [UInt8]) throws {
        try body(input)
    }

    /// Every target, in the order `scripts/fuzz` runs them.
    public static let all: [FuzzTarget] = [
        GGUFFuzzing.target,
        TokenizerFuzzing.target,
        ChatTemplateFuzzing.target,
        ReasoningFuzzing.target,
    ] + OntologyFuzzing.targets + [
        RenderFuzzing.textTarget,
        RenderFuzzing.svgTarget,
        EscapingFuzzing.target,
    ]

    /// The target called `name`, if any.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
