/// One MedVerse plan step: `Transient Step 3: A, B -> C; Dependency: [1, 2]` (from `<Outline>` or `<Step>`).
public struct PlanEdge: Codable, Sendable, Equatable {
    /// The step number (`3`).
    public var step: Int
    /// 1-based line where the step was found.
    public var line: Int
    /// `chain` when the step had an arrow, `prose` when it is a plain instruction.
    public var kind: ReasoningPath.Kind
    /// Source steps (several for merged edges `A, B -> C`); empty for prose steps.
    public var from: [PathStep]
    /// Target step; nil for prose steps.
    public var to: PathStep?
    /// The whole step text for prose steps (and the edge text as written for chains).
    public var text: String
    /// Path labels cited in the step (`**Path 4**: …` → `Path 4`).
    public var labels: [String]
    /// Step numbers this step depends on.
    public var dependencies: [Int]
    /// `outline` when read from `<Outline>`, `step` when only an `<Step>` header gave it.
    public var source: String

    /// Creates a plan edge.
    public init(step: Int, line: Int, kind: ReasoningPath.Kind, from: [PathStep], to: PathStep?, text: String,
                labels: [String] = [], dependencies: [Int] = [], source: String = "outline") {
        self.step = step
        self.line = line
        self.kind = kind
        self.from = from
        self.to = to
        self.text = text
        self.labels = labels
        self.dependencies = dependencies
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case step, line, kind, from, to, text, labels, dependencies, source }

    /// Encodes `to` as an explicit `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(step, forKey: .step)
        try c.encode(line, forKey: .line)
        try c.encode(kind, forKey: .kind)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(text, forKey: .text)
        try c.encode(labels, forKey: .labels)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encode(source, forKey: .source)
    }
}
