/// Which side of a comparison a node or hop comes from.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    case onlyA = "only-a"
    case onlyB = "only-b"
    case both
}
