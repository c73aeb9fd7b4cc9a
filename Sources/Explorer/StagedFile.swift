import Foundation

/// A temporary file (or folder) beside its final place, written completely and then renamed into place, so readers
/// see the old file or the complete new one. While it exists it is registered with ``Interruption``, so Ctrl-C
/// removes it.
struct StagedFile {
    /// The temporary's location: a short hidden name in the target's folder (short, so a target name near the
    /// 255-byte limit still works; same folder, so the rename is atomic).
    let url: URL
    /// Where it goes.
    let target: URL
    private let token: Int

    /// A new temporary name for `target` (nothing is created yet); `kind` tags the name (`.ddx-frames-…`).
    init(for target: URL, kind: String = "") {
        self.target = target
        let name = ".ddx\(kind.isEmpty ? "" : "-" + kind)-\(ProcessInfo.processInfo.processIdentifier)-"
            + "\(UInt32.random(in: 0...UInt32.max)).tmp"
        url = target.deletingLastPathComponent().appendingPathComponent(name)
        token = Interruption.register(url)
    }

    /// Writes `bytes` to the temporary, with the target's permissions when the target exists.
    /// - Throws: `InputError` naming `displayPath`; the temporary is removed.
    func write(_ bytes: [UInt8], displayPath: String) throws {
        do {
            try Data(bytes).write(to: url, options: [.withoutOverwriting])
            // Replacing a file keeps its permissions.
            if let mode = try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
            }
        } catch {
            discard()
            throw InputError("\(displayPath): cannot write: \(Self.reason(error))")
        }
    }

    /// Renames the temporary onto the target. - Throws: `InputError` naming `displayPath`; the temporary is removed.
    func commit(displayPath: String) throws {
        let code: Int32? = Interruption.settle(token) {
            if rename(url.path, target.path) == 0 { return nil }
            let code = errno
            try? FileManager.default.removeItem(at: url)
            return code
        }
        if let code { throw InputError("\(displayPath): cannot write: \(String(cString: strerror(code)))") }
    }

    /// Runs `body` (moving the temporary's contents into place) as one step with respect to an interruption, then
    /// removes what is left of the temporary.
    func settle<T>(_ body: () throws -> T) rethrows -> T {
        try Interruption.settle(token) {
            defer { try? FileManager.default.removeItem(at: url) }
            return try body()
        }
    }

    /// Removes the temporary (after a failure elsewhere).
    func discard() {
        Interruption.settle(token) { try? FileManager.default.removeItem(at: url) }
    }

    /// The operating system's reason inside a Foundation write error ("No space left on device").
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
