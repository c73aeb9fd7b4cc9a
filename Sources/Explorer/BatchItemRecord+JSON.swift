extension BatchItemRecord {
    /// The record as one JSON line (keys in a fixed order, a final line break included).
    public func jsonLine() -> [UInt8] {
        var w = BatchJSONWriter(capacity: 512 + 96 * (nodes.count + hops.count) + (finalAnswer?.utf8.count ?? 0)
                                    + (generation.map { $0.text.utf8.count + $0.prompt.utf8.count } ?? 0))
        w.raw("{")
        w.key("id", first: true)
        w.string(id)
        if let line {
            w.key("line")
            w.int(line)
        }
        if let error {
            w.key("error")
            w.string(error)
            w.raw("}\n")
            return w.bytes
        }
        w.key("sha256"); w.string(sha256)
        w.key("format"); w.string(format)
        w.key("textField"); w.string(textField)
        if let g = generation {
            w.key("generation"); w.raw("{")
            w.key("prompt", first: true); w.string(g.prompt)
            w.key("text"); w.string(g.text)
            w.key("seed"); if let seed = g.seed { w.uint(seed) } else { w.raw("null") }
            w.key("promptTokens"); w.int(g.promptTokens)
            w.key("generatedTokens"); w.int(g.generatedTokens)
            w.key("seconds"); w.number((g.seconds * 1000).rounded() / 1000)
            w.key("stopReason"); w.string(g.stopReason)
            w.raw("}")
        }
        w.key("pathSource"); w.string(pathSource.rawValue)
        w.key("paths"); w.int(pathLengths.count)
        w.key("pathLengths"); w.raw("[")
        for (i, n) in pathLengths.enumerated() {
            if i > 0 { w.raw(",") }
            w.int(n)
        }
        w.raw("]")
        w.key("nodeCount"); w.int(nodes.count)
        w.key("edgeCount"); w.int(hops.count)
        w.key("groundedNodes"); w.int(groundedNodes)
        w.key("verdicts"); w.raw("{")
        for (i, k) in verdicts.keys.sorted().enumerated() {
            if i > 0 { w.raw(",") }
            w.string(k)
            w.raw(":")
            w.int(verdicts[k]!)
        }
        w.raw("}")
        w.key("groundingScore"); w.number(groundingScore)
        w.key("finalAnswer"); w.string(finalAnswer)
        w.key("goldAnswer"); w.string(goldAnswer)
        w.key("agreement"); w.bool(agreement)
        w.key("warnings"); w.int(warnings)
        w.key("unattestedHops"); w.raw("[")
        for (i, h) in unattestedHops.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(h)
        }
        w.raw("]")
        w.key("nodes"); w.raw("[")
        for (i, n) in nodes.enumerated() {
            w.raw(i > 0 ? ",{" : "{")
            w.key("id", first: true); w.string(n.id)
            w.key("label"); w.string(n.label)
            w.key("concept"); w.string(n.concept)
            w.raw("}")
        }
        w.raw("]")
        w.key("hops"); w.raw("[")
        for (i, h) in hops.enumerated() {
            w.raw(i > 0 ? ",{" : "{")
            w.key("from", first: true); w.string(h.from)
            w.key("to"); w.string(h.to)
            w.key("verdict"); w.string(h.verdict)
            w.raw("}")
        }
        w.raw("]}\n")
        return w.bytes
    }

    /// Why a line of `items.jsonl` is not a record.
    public struct DecodingError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads a record back from its JSON line (members it does not know are skipped). Reads the bytes directly,
    /// without building a `BatchJSON` tree: the report reads every record of a run.
    public init(jsonLine bytes: [UInt8]) throws {
        do {
            self = try bytes.withUnsafeBufferPointer { try Self.decode(BatchJSON.Reader(bytes: $0)) }
        } catch let e as BatchJSON.SyntaxError {
            throw DecodingError(description: "\(e)")
        }
    }

    private static func decode(_ start: BatchJSON.Reader) throws -> BatchItemRecord {
        var r = start
        var id: String?
        var line: Int?
        var error: String?
        var record = BatchItemRecord(id: "", sha256: nil, format: nil, pathSource: .none, pathLengths: [], nodes: [],
                                     hops: [], groundedNodes: 0, verdicts: [:], groundingScore: nil, finalAnswer: nil,
                                     warnings: 0, unattestedHops: [])
        try r.object { r, key in
            switch key {
            case "id": id = try r.stringValue()
            case "line": line = try r.optionalInt()
            case "error": error = try r.optionalString()
            case "sha256": record.sha256 = try r.optionalString()
            case "format": record.format = try r.optionalString()
            case "textField": record.textField = try r.optionalString()
            case "generation":
                var g = BatchGeneration(prompt: "", text: "", seed: nil, promptTokens: 0, generatedTokens: 0, seconds: 0,
                                        stopReason: "")
                try r.object { r, k in
                    switch k {
                    case "prompt": g.prompt = try r.optionalString() ?? ""
                    case "text": g.text = try r.optionalString() ?? ""
                    case "seed": g.seed = try r.optionalNumber().flatMap { UInt64($0) }
                    case "promptTokens": g.promptTokens = try r.optionalInt() ?? 0
                    case "generatedTokens": g.generatedTokens = try r.optionalInt() ?? 0
                    case "seconds": g.seconds = try r.optionalNumber().flatMap { Double($0) } ?? 0
                    case "stopReason": g.stopReason = try r.optionalString() ?? ""
                    default: try r.skipValue()
                    }
                }
                record.generation = g
            case "pathSource": record.pathSource = try r.optionalString().flatMap(PathSource.init(rawValue:)) ?? .none
            case "pathLengths": try r.array { r in if let n = try r.optionalInt() { record.pathLengths.append(n) } }
            case "groundedNodes": record.groundedNodes = try r.optionalInt() ?? 0
            case "warnings": record.warnings = try r.optionalInt() ?? 0
            case "verdicts": try r.object { r, k in if let n = try r.optionalInt() { record.verdicts[k] = n } }
            case "groundingScore": record.groundingScore = try r.optionalNumber().flatMap { Double($0) }
            case "finalAnswer": record.finalAnswer = try r.optionalString()
            case "goldAnswer": record.goldAnswer = try r.optionalString()
            case "agreement": record.agreement = try r.optionalBool()
            case "unattestedHops": try r.array { r in if let h = try r.optionalString() { record.unattestedHops.append(h) } }
            case "nodes":
                try r.array { r in
                    var node = Node(id: "", label: "")
                    try r.object { r, k in
                        switch k {
                        case "id": node.id = try r.optionalString() ?? ""
                        case "label": node.label = try r.optionalString() ?? ""
                        case "concept": node.concept = try r.optionalString()
                        default: try r.skipValue()
                        }
                    }
                    if !node.id.isEmpty { record.nodes.append(node) }
                }
            case "hops":
                try r.array { r in
                    var hop = Hop(from: "", to: "")
                    try r.object { r, k in
                        switch k {
                        case "from": hop.from = try r.optionalString() ?? ""
                        case "to": hop.to = try r.optionalString() ?? ""
                        case "verdict": hop.verdict = try r.optionalString()
                        default: try r.skipValue()
                        }
                    }
                    if !hop.from.isEmpty, !hop.to.isEmpty { record.hops.append(hop) }
                }
            default:
                try r.skipValue()
            }
        }
        try r.end()
        guard let id else { throw DecodingError(description: "not a batch record (no string \"id\")") }
        if let error { return BatchItemRecord(failure: BatchItemFailure(id: id, line: line, message: error)) }
        record.id = id
        record.line = line
        return record
    }
}
