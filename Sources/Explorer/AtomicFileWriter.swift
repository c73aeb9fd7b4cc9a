import Foundation

/// Writes files so that readers see either the old file or the complete new one, never half of it.
public enum AtomicFileWriter {
    /// Writes `bytes` to `path` through a temporary file in the same directory and a rename.
    /// `-` writes to standard output instead.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError("\(path): is a directory; give a file name")
        }
        if !FileManager.default.fileExists(atPath: dir.path) {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw InputError("\(path): cannot create directory \(dir.path)")
            }
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).ddx-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(bytes).write(to: temp, options: [.withoutOverwriting])
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw InputError("\(path): cannot write: \(Self.reason(error))")
        }
        if rename(temp.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temp)
            throw InputError("\(path): cannot write: \(String(cString: strerror(code)))")
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
