/// Which side of a comparison a node or hop comes from (`ddx compare`).
public enum Provenance: String, Sendable, Codable, CaseIterable {
    case onlyA = "only-a"
    case onlyB = "only-b"
    case both

    /// How the legend, tooltips and pages name it, with the sides' names (`only A (SmolLM2 seed 1)`).
    public func caption(sideA: String = "A", sideB: String = "B") -> String {
        switch self {
        case .onlyA: "only \(sideA)"
        case .onlyB: "only \(sideB)"
        case .both: "both"
        }
    }
}
