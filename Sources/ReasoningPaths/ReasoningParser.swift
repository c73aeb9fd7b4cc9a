/// Parses the text a medical reasoning model wrote into sections, reasoning paths and plan edges.
///
/// ```swift
/// let parsed = ReasoningParser().parse("Finding reasoning paths:\n1. Cough -> Expectorants -> Thin mucus\n")
/// parsed.paths[0].steps.map(\.name)   // ["Cough", "Expectorants", "Thin mucus"]
/// ```
///
/// The parser never fails: anything it sees but cannot use becomes a `ParseWarning`. Memory stays bounded
/// by `ParserLimits` whatever the input.

/// The entry point of the reasoning-text parser.
public struct ReasoningParser: Sendable {
    /// Bounds for hostile or huge input.
    public var limits: ParserLimits

    /// Creates a parser with the given limits.
    public init(limits: ParserLimits = .default) {
        self.limits = limits
    }

    /// Parses a string.
    public func parse(_ text: String) -> ParsedReasoning {
        var t = text
        return t.withUTF8 { parse(utf8: $0) }
    }

    /// Parses raw bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM; invalid bytes are reported.
    public func parse(bytes: [UInt8]) -> ParsedReasoning {
        if let transcoded = InputDecoder.transcodeUTF16(bytes) {
            var r = transcoded.withUnsafeBufferPointer { parse(utf8: $0) }
            r.warnings.insert(ParseWarning(line: 0, message: "input was UTF-16; it was converted to UTF-8"), at: 0)
            return r
        }
        return bytes.withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// Parses UTF-8 bytes in place.
    public func parse(utf8 buffer: UnsafeBufferPointer<UInt8>) -> ParsedReasoning {
        var b = buffer
        // Skip a UTF-8 byte-order mark.
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { b = UnsafeBufferPointer(rebasing: b[3...]) }
        if InputDecoder.usesBareCarriageReturns(b) {
            let converted = b.map { $0 == ByteText.cr ? ByteText.lf : $0 }
            return converted.withUnsafeBufferPointer { ParserRun(buffer: $0, limits: limits).run() }
        }
        return ParserRun(buffer: b, limits: limits).run()
    }
}
