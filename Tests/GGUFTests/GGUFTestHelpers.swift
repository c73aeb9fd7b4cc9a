import GGUF
import Testing
import TestSupport

/// Shared helpers of the GGUF tests.
enum GGUFTestHelpers {
    /// Parses `bytes`, expecting a `GGUFError` whose description contains every one of `fragments`.
    @discardableResult
    static func expectError(_ bytes: [UInt8], _ fragments: String...,
                            sourceLocation: SourceLocation = #_sourceLocation) -> GGUFError? {
        let error = #expect(throws: GGUFError.self, sourceLocation: sourceLocation) {
            _ = try GGUFFile(bytes: bytes, name: "bad.gguf")
        }
        if let error {
            for fragment in fragments {
                #expect(error.description.contains(fragment), "\(error.description) lacks “\(fragment)”",
                        sourceLocation: sourceLocation)
            }
            #expect(error.path == "bad.gguf", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), "one line: \(error.description)", sourceLocation: sourceLocation)
        }
        return error
    }

    /// An image made by hand: the header, then whatever `body` appends.
    static func image(version: Int = 3, tensors: Int = 0, pairs: Int,
                      _ body: (inout GGUFBuilder.Encoder) -> Void) -> [UInt8] {
        var encoder = GGUFBuilder.Encoder()
        encoder.header(version: version, tensorCount: tensors, pairCount: pairs)
        body(&encoder)
        return encoder.bytes
    }

    /// `count` bytes that follow a simple deterministic pattern.
    static func pattern(_ count: Int, seed: Int = 1) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed &* 7 &+ ($0 >> 8)) }
    }

    /// The bytes of a tensor's data as an array.
    static func data(_ file: GGUFFile, _ name: String) throws -> [UInt8] {
        [UInt8](try file.tensorData(named: name))
    }
}
