/// The verdict on one graph edge.
public struct EdgeGrounding: Sendable, Codable, Hashable {
    /// The source node id.
    public var from: String
    /// The target node id.
    public var to: String
    /// The verdict and its evidence.
    public var verification: HopVerification
}
