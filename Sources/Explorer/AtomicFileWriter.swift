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
        let staged = StagedFile(for: url)
        try staged.write(bytes, displayPath: path)
        try staged.commit(displayPath: path)
    }
}
