/// The verdict on one hop with the facts behind it.
public struct HopVerification: Sendable, Codable, Hashable {
    /// The verdict.
    public var verdict: HopVerdict
    /// The facts (empty for plausible, unattested and ungrounded).
    public var evidence: [HopEvidence]
    /// For plausible: the relation whose type pattern fits (e.g. `presents_with`).
    public var pattern: String?

    public init(verdict: HopVerdict, evidence: [HopEvidence] = [], pattern: String? = nil) {
        self.verdict = verdict
        self.evidence = evidence
        self.pattern = pattern
    }
}
