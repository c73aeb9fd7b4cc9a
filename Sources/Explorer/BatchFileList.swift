import Foundation

/// The `.txt` and `.md` files under a folder (hidden files and folders skipped), sorted by relative path; each
/// file is one text whose id is its relative path.
public final class BatchFileList: BatchEntrySource {
    /// Extensions read (compared case-insensitively).
    public static let extensions: Set<String> = ["txt", "md"]

    /// The folder's absolute path.
    public let root: String
    /// Relative paths, sorted.
    public let files: [String]
    private var position = 0

    /// Lists `directory`; a one-line `InputError` when it cannot be listed.
    public init(directory: String) throws {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        root = url.path
        files = try Self.list(url)
    }

    public func next(limit: Int) throws -> [BatchEntry] {
        let end = min(files.count, position + limit)
        defer { position = end }
        return files[position..<end].map { rel in
            BatchEntry(line: nil, payload: .file(path: root + "/" + rel, relativePath: rel))
        }
    }

    private static func list(_ url: URL) throws -> [String] {
        var found: [String] = []
        var pending: [String] = [""]
        let fm = FileManager.default
        while let rel = pending.popLast() {
            let dir = rel.isEmpty ? url.path : url.path + "/" + rel
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: dir) } catch {
                throw InputError("\(dir): cannot list the folder")
            }
            for name in names where !name.hasPrefix(".") {
                let child = rel.isEmpty ? name : rel + "/" + name
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: url.path + "/" + child, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    // Symbolic links to folders are not followed (no cycles).
                    let attributes = try? fm.attributesOfItem(atPath: url.path + "/" + child)
                    if attributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
                    pending.append(child)
                } else if let dot = name.lastIndex(of: "."),
                          extensions.contains(name[name.index(after: dot)...].lowercased()) {
                    found.append(child)
                }
            }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
