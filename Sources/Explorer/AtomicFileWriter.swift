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
        // Writing through a symbolic link updates the file it points to, as editors do.
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let dir = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw InputError("\(path): is a directory; give a file name")
        }
        if !FileManager.default.fileExists(atPath: dir.path) {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw InputError("\(path): cannot create directory \(dir.path)")
            }
        }
        // A short temporary name, so a target name near the 255-byte limit still works.
        let temp = dir.appendingPathComponent(".ddx-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(bytes).write(to: temp, options: [.withoutOverwriting])
            // Replacing a file keeps its permissions.
            if exists, let mode = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temp.path)
            }
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
