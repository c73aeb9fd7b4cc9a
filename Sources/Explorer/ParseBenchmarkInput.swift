/// Generates the large, deterministic texts `ParseBenchmark` parses.
public enum ParseBenchmarkInput {
    /// Which kind of text to generate.
    public enum Kind: String, Sendable, CaseIterable {
        /// Realistic model output: MedReason, MedReason-8B, MedVerse and HuatuoGPT-o1 documents one after another,
        /// with path lists, reasoning prose, plans and final answers in their real proportions.
        case mixed
        /// Nothing but path-list items: the parser's most expensive line, as a worst case.
        case paths
    }

    private static let findings = ["Cough", "Fever", "Chest pain", "Dyspnea", "Hyponatremia", "Persistent lower back pain", "Tremor",
                                   "Sudden severe headache", "Jaundice", "Polyuria", "Elevated CO₂ levels", "Difficulty walking"]
    private static let mechanisms = ["Expectorants (e.g., guaifenesin)", "Troponin elevation", "Pulmonary congestion",
                                     "Vasopressor-induced natriuresis", "Chronic pain mechanisms (e.g., nerve compression, inflammation)",
                                     "Hypotonic hyponatremia", "Subarachnoid hemorrhage (SAH)", "Biliary obstruction", "Hyperglycemia",
                                     "Ataxia", "Impaired venous return and lymphatic drainage", "Beta blockers (e.g., metoprolol, atenolol)"]
    private static let conclusions = ["Myocardial infarction", "Cerebral salt wasting", "Left ventricular failure", "Medulloblastoma",
                                      "Diabetes mellitus", "Compartment syndrome", "Essential tremor", "Pancreatitis", "Easier clearance"]
    private static let prose = [
        "The patient presents with symptoms that suggest an underlying inflammatory process, and the timing of onset matters.",
        "Alright, let's think about this. Dizziness and headaches for a week could come from the inner ear or from blood pressure.",
        "Magnesium sulfate is known to have vasodilatory effects, which can lead to a decrease in blood pressure.",
        "Hmm, the laboratory findings point towards a hemolytic process, but the reticulocyte count is surprisingly low.",
        "Wait, there might be something wrong with that assumption; the imaging findings argue for an obstructive cause.",
    ]

    /// About `bytes` bytes of text of the given kind (whole documents or lines; deterministic).
    public static func generate(_ kind: Kind, bytes: Int) -> [UInt8] {
        var rng = SplitMix64(seed: 0x5EED_DD0C)
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 8192)
        func pick(_ a: [String]) -> String { a[Int(rng.next() % UInt64(a.count))] }
        func chain(_ n: Int) -> String {
            var steps = [pick(findings)]
            for _ in 0..<max(0, n - 2) { steps.append(pick(mechanisms)) }
            steps.append(pick(conclusions))
            return steps.joined(separator: " -> ")
        }
        func add(_ s: String) { out.append(contentsOf: s.utf8) }
        var document = 0
        while out.count < bytes {
            if kind == .paths {
                add("\(document % 30 + 1). **\(chain(3 + Int(rng.next() % 3)))**  \n")
                document += 1
                continue
            }
            switch document % 4 {
            case 0: // MedReason-8B
                add("## Thinking\n\n### Finding Reasoning Paths:\n")
                for i in 1...5 { add("\(i). **\(chain(3 + Int(rng.next() % 3)))**  \n") }
                add("\n---\n\n### Reasoning Process:\n")
                for i in 1...4 { add("\(i). **Step \(i):**  \n   - \(pick(prose)) \(pick(prose))\n") }
                add("\n### Conclusion:\n\(pick(prose))\n\n## Final Response\n\n\(pick(prose)) \(pick(prose))\n\n")
            case 1: // MedReason data row
                add("Finding reasoning paths:\n\n")
                for i in 1...3 { add("\(i). \(chain(3))\n") }
                add("\nReasoning Process:\n")
                for i in 1...4 { add("\(i). **Considering \(pick(mechanisms))**: \(pick(prose)) \(pick(prose))\n\n") }
                add("Conclusion:\n\(pick(prose))\n\n")
            case 2: // MedVerse
                add("<Think>\nFirst find a reasoning path, then transform that path into an outlined plan, then execute the plan, and finally synthesize a concise conclusion.\nFinding Reasoning Path:\n")
                for i in 1...4 { add("\(i): \(chain(3).replacingAll(" -> ", "->"))\n") }
                add("<Plan>\n")
                for i in 1...6 { add("<Outline> Transient Step \(i): \(pick(findings)) -> \(pick(mechanisms)); Dependency: [\(i > 1 ? String(i - 1) : "")] </Outline>\n") }
                add("</Plan>\n\n<Execution>\n")
                for i in 1...6 { add("<Step> Transient Step \(i): \(pick(findings)) -> \(pick(mechanisms))\n\(pick(prose)) \(pick(prose))\n</Step>\n") }
                add("</Execution>\n\n<Conclusion>\nExplanation: \(pick(prose))\n\nAnswer: B. \(pick(conclusions))\n</Conclusion>\n</Think>\n\n")
            default: // HuatuoGPT-o1
                add("## Thinking\n\n")
                for _ in 0..<6 { add("\(pick(prose)) \(pick(prose))\n\n") }
                add("## Final Response\n\n\(pick(prose)) \(pick(prose))\n\n")
            }
            document += 1
        }
        return out
    }
}

extension String {
    fileprivate func replacingAll(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}

/// A small deterministic generator (SplitMix64) for benchmark data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
