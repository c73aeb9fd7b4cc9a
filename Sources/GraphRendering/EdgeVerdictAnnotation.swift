/// What the ontology says about a hop, as plain values the renderer can draw (filled in by the Explorer).
public struct EdgeVerdictAnnotation: Sendable, Equatable, Codable {
    /// `attested`, `attested-via-is-a`, `plausible`, `unattested` or `ungrounded`.
    public var verdict: String
    /// One line per supporting fact, e.g. `ddx-core:pneumonia presents_with ddx-core:cough (ddx-core)`;
    /// for attested-via-is-a the is_a chain is included. Empty when there is no fact.
    public var evidence: [String]

    public init(verdict: String, evidence: [String]) {
        self.verdict = verdict
        self.evidence = evidence
    }
}
