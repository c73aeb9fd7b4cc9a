/// A property that must hold for every input failed: a bug in ddx that the fuzzer found.
public struct FuzzViolation: Error, CustomStringConvertible, Sendable {
    /// The target that found it.
    public let target: String
    /// Which property failed and how.
    public let message: String

    /// A violation of `target`'s property described by `message`.
    public init(_ target: String, _ message: String) {
        self.target = target
        self.message = message
    }

    public var description: String { "\(target): \(message)" }

    /// Throws a violation unless `condition` holds.
    static func require(_ condition: Bool, _ target: String, _ message: @autoclosure () -> String) throws {
        if !condition { throw FuzzViolation(target, message()) }
    }
}
