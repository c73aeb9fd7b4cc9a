import Grounding

/// One-line readable summaries of grounding results.
public enum GroundingText {
    /// e.g. `9/10 nodes linked; hops: 4 attested, 1 via is-a, 2 plausible, 1 unattested, 0 ungrounded; score 0.69 ("attested" = found in the loaded ontology, not correct)`.
    public static func summaryLine(_ s: GroundingSummary) -> String {
        let v = s.verdicts
        return "\(s.groundedNodes)/\(s.nodes) nodes linked; hops: \(v["attested"] ?? 0) attested, \(v["attested-via-is-a"] ?? 0) via is-a, \(v["plausible"] ?? 0) plausible, \(v["unattested"] ?? 0) unattested, \(v["ungrounded"] ?? 0) ungrounded; score \(s.groundingScore) (\"attested\" = found in the loaded ontology, not a judgement of correctness)"
    }
}
