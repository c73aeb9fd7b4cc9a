import Foundation
import Ontology

/// Synthesises MedReason-sized texts (about 2–4 KB: `## Thinking`, `### Finding Reasoning Paths:` with 4–8 paths of
/// 3–6 steps drawn from the ontology's own labels — often following its relations — plus noise, `### Reasoning
/// Process:`, `### Conclusion:`, `## Final Response`) as JSONL lines with an id, a gold option letter and options.
/// The same seed and index give the same bytes.
public struct BatchBenchmarkInput {
    private let index: OntologyIndex
    private var rng: SplitMix64
    private let labels: [Int]
    private let neighbours: [Int: [Int]]

    static let noiseWords = ["increased", "reduced", "altered", "chronic", "acute", "systemic", "local", "vascular",
                             "neural", "metabolic", "inflammatory", "response", "pressure", "tone", "signalling",
                             "clearance", "load", "imbalance", "activation", "dysfunction", "factor", "pathway"]
    static let prose = [
        "This step links the presenting complaint to a plausible mechanism, but the timing of onset matters.",
        "The laboratory findings point towards this explanation, although other causes remain possible.",
        "Wait, that assumption needs checking against the history; the exam findings argue for it.",
        "Considering the patient's age and risk factors, this pathway becomes more likely than the alternatives.",
        "Alright, the imaging and the clinical picture fit together, which suggests a common underlying cause.",
        "Hmm, the response to treatment would help distinguish these possibilities in practice.",
    ]

    public init(index: OntologyIndex, seed: UInt64 = 0xBA7C_4DD0) {
        self.index = index
        rng = SplitMix64(seed: seed)
        labels = index.concepts.indices.filter { !index.concepts[$0].isObsolete && index.concepts[$0].label.count <= 60 }
        var n: [Int: [Int]] = [:]
        for r in index.relations {
            n[r.subject, default: []].append(r.object)
            n[r.object, default: []].append(r.subject)
        }
        neighbours = n
    }

    private mutating func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
    private mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    /// A step's text for concept `c`: its label or a synonym, sometimes re-cased or with an `(e.g., …)` qualifier.
    private mutating func name(_ c: Int) -> String {
        let concept = index.concepts[c]
        var text = concept.label
        if !concept.synonyms.isEmpty, chance(25) { text = pick(concept.synonyms).text }
        if chance(15) { text = text.lowercased() }
        if chance(10), let other = labels.isEmpty ? nil : index.concepts[pick(labels)].label { text += " (e.g., \(other))" }
        return text
    }

    private mutating func noise() -> String {
        let words = (0..<(2 + Int(rng.next() % 3))).map { _ in pick(Self.noiseWords) }
        return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst()
    }

    /// One path of `steps` steps: a random concept, then mostly related concepts, with some noise steps.
    private mutating func path(steps: Int) -> (text: String, last: String) {
        var current = pick(labels)
        var parts = [name(current)]
        for _ in 1..<steps {
            if chance(12) {
                parts.append(noise())
                current = pick(labels)
                continue
            }
            if chance(70), let next = neighbours[current], !next.isEmpty { current = pick(next) } else { current = pick(labels) }
            parts.append(name(current))
        }
        return (parts.joined(separator: " -> "), index.concepts[current].label)
    }

    /// The next text and its gold answer data.
    public mutating func next(number: Int) -> (text: String, answer: String, options: [String]) {
        var t = "## Thinking\n\n### Finding Reasoning Paths:\n"
        var ends: [String] = []
        for i in 1...(4 + Int(rng.next() % 5)) {
            let p = path(steps: 3 + Int(rng.next() % 4))
            ends.append(p.last)
            t += chance(50) ? "\(i). **\(p.text)**  \n" : "\(i). \(p.text)\n"
        }
        t += "\n---\n\n### Reasoning Process:\n"
        for i in 1...(3 + Int(rng.next() % 3)) {
            t += "\(i). **Step \(i): \(index.concepts[pick(labels)].label)**  \n   - \(pick(Self.prose)) \(pick(Self.prose))\n"
        }
        var options = (0..<4).map { _ in index.concepts[pick(labels)].label }
        let goldIndex = Int(rng.next() % 4)
        options[goldIndex] = pick(ends)
        let letters = ["A", "B", "C", "D"]
        let chosen = chance(60) ? goldIndex : Int(rng.next() % 4)
        t += "\n### Conclusion:\nThe findings point to \(options[chosen]). \(pick(Self.prose))\n\n"
        t += "## Final Response\n\nThe answer is \(letters[chosen]). \(options[chosen]). \(pick(Self.prose)) \(pick(Self.prose))\n"
        _ = number
        return (t, letters[goldIndex], options)
    }

    /// Writes `count` texts as JSONL to `path` (`{"id","question","text","answer","options"}`); returns the texts'
    /// bytes and the file size.
    public static func write(count: Int, index: OntologyIndex, to path: String, seed: UInt64 = 0xBA7C_4DD0) throws
        -> (texts: [[UInt8]], bytes: Int) {
        var generator = BatchBenchmarkInput(index: index, seed: seed)
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw InputError("\(path): cannot create") }
        defer { try? handle.close() }
        var texts: [[UInt8]] = []
        texts.reserveCapacity(count)
        var buffer = ""
        var total = 0
        for i in stride(from: 1, through: count, by: 1) {
            let item = generator.next(number: i)
            texts.append(Array(item.text.utf8))
            let options = zip(["A", "B", "C", "D"], item.options).map { "\(JSONText.string($0)):\(JSONText.string($1))" }
            buffer += "{\"id\":\"bench-\(i)\",\"question\":\"Synthetic question \(i)\",\"text\":\(JSONText.string(item.text)),\"answer\":\"\(item.answer)\",\"options\":{\(options.joined(separator: ","))}}\n"
            if buffer.utf8.count > 1 << 20 {
                total += buffer.utf8.count
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        total += buffer.utf8.count
        try handle.write(contentsOf: Data(buffer.utf8))
        return (texts, total)
    }
}
