/// The ddx release this build belongs to.
public enum DDxVersion {
    /// Semantic version string printed by `ddx --version`.
    public static let current = "0.1.0"
}
