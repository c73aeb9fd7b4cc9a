import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small checks shared by the CLI suites.
enum Check {
    /// Whether `text` is 64 lower-case hexadecimal digits (a SHA-256 in the form ddx prints).
    static func isLowerHexSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `bytes` parsed as a JSON object; throws when they are not one.
    static func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(bytes))
        guard let object = value as? [String: Any] else { throw NotAnObject() }
        return object
    }

    /// Thrown by `jsonObject` when the JSON is valid but not an object.
    struct NotAnObject: Error {}

    /// The SHA-256 `sha256sum` prints for the file at `path`, or nil when the tool is not installed.
    static func sha256sum(_ path: String) throws -> String? {
        let tool = ["/usr/bin/sha256sum", "/bin/sha256sum"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}

