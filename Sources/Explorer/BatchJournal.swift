import Foundation

/// The append-only `items.jsonl` of a batch output folder, with its `manifest.json`.
///
/// Every record is one whole line; lines are buffered in small groups and each group goes to the file in one
/// `write(2)` on an `O_APPEND` descriptor, so a crash can at worst leave one torn last line, which the next
/// `open` detects and drops. Entries already recorded are keyed by position — `line N` for JSONL input, the id
/// (the relative path) otherwise — which the manifest makes stable: a resume against a different input, field
/// names or ontology is refused unless `restart` is set. An exclusive lock keeps two runs out of one folder.
///
/// ```swift
/// let journal = try BatchJournal.open(directory: "out", manifest: manifest, restart: false)
/// if !journal.contains(key) { try journal.append(key: key, line: record.jsonLine()) }
/// try journal.close()
/// ```
public final class BatchJournal {
    /// The records file's name.
    public static let itemsName = "items.jsonl"
    /// The manifest's name.
    public static let manifestName = "manifest.json"
    /// Report files a restart removes (they describe the old run).
    public static let reportNames = ["summary.json", "summary.md", "items.csv", "hops.csv", "chart-path-lengths.svg",
                                     "chart-branching.svg", "chart-verdicts.svg", "chart-top-nodes.svg"]

    /// The output folder.
    public let directory: String
    /// `directory/items.jsonl`.
    public let itemsPath: String
    /// Records found when the journal was opened (earlier runs).
    public let resumedRecords: Int
    /// Whether a torn last line (no line break: the previous run was killed mid-write) was dropped.
    public let droppedTornLine: Bool
    /// Complete lines of the file that are not records (left in place; the report counts them).
    public let unreadableLines: Int
    /// Lines buffered before one write.
    public var groupLines = 32
    /// Bytes buffered before one write.
    public var groupBytes = 256 << 10

    private var keys: Set<String>
    private var fd: Int32
    private var pending: [UInt8] = []
    private var pendingLines = 0
    private var broken = false

    /// The key under which an entry is recorded: its JSONL line when it has one, else its id.
    public static func key(line: Int?, id: String) -> String {
        line.map { "line \($0)" } ?? "id " + id
    }

    /// Whether an entry with this key is already recorded.
    public func contains(_ key: String) -> Bool { keys.contains(key) }

    /// Every key recorded so far (earlier runs and this one).
    public var recordedKeys: Set<String> { keys }

    private init(directory: String, itemsPath: String, fd: Int32, keys: Set<String>, resumed: Int, torn: Bool,
                 unreadable: Int) {
        self.directory = directory
        self.itemsPath = itemsPath
        self.fd = fd
        self.keys = keys
        self.resumedRecords = resumed
        self.droppedTornLine = torn
        self.unreadableLines = unreadable
    }

    deinit {
        if fd >= 0 { Foundation.close(fd) }
    }

    /// Opens (creating when needed) the output folder for a run described by `manifest`; one-line `InputError`s
    /// for a folder that cannot be written, a manifest mismatch (unless `restart`) or a folder in use.
    public static func open(directory: String, manifest: BatchManifest, restart: Bool) throws -> BatchJournal {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw InputError("\(directory): exists and is not a folder") }
        } else {
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw InputError("\(directory): cannot create the folder")
            }
        }
        let itemsPath = directory + "/" + itemsName
        let manifestPath = directory + "/" + manifestName
        let fd = Foundation.open(itemsPath, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw InputError("\(itemsPath): cannot open: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            Foundation.close(fd)
            throw InputError("\(directory): another ddx batch is writing to this folder")
        }
        do {
            if restart {
                if ftruncate(fd, 0) != 0 { throw InputError("\(itemsPath): cannot truncate: \(String(cString: strerror(errno)))") }
                for name in reportNames + [manifestName] { try? fm.removeItem(atPath: directory + "/" + name) }
            }
            let existing = try readAll(fd: fd, path: itemsPath)
            if fm.fileExists(atPath: manifestPath) {
                let recorded = try BatchManifest.read(path: manifestPath)
                let differences = recorded.mismatches(with: manifest)
                if !differences.isEmpty {
                    throw InputError("\(directory): holds a batch run that differs (\(differences.joined(separator: "; "))); pass --restart to start over or choose another output folder")
                }
            } else {
                if !existing.isEmpty {
                    throw InputError("\(itemsPath): exists without \(manifestName); pass --restart to start over or choose another output folder")
                }
                try AtomicFileWriter.write(try manifest.json(), to: manifestPath)
            }
            // Drop a torn last line.
            var complete = existing.count
            while complete > 0, existing[complete - 1] != 0x0A { complete -= 1 }
            let torn = complete < existing.count
            if torn, ftruncate(fd, off_t(complete)) != 0 {
                throw InputError("\(itemsPath): cannot drop the torn last line: \(String(cString: strerror(errno)))")
            }
            var keys: Set<String> = []
            var unreadable = 0
            var resumed = 0
            var start = 0
            existing.withUnsafeBufferPointer { p in
                for i in 0..<complete where p[i] == 0x0A {
                    defer { start = i + 1 }
                    let line = UnsafeBufferPointer(rebasing: p[start..<i])
                    guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
                    guard let key = recordKey(line) else {
                        unreadable += 1
                        continue
                    }
                    if keys.insert(key).inserted { resumed += 1 }
                }
            }
            return BatchJournal(directory: directory, itemsPath: itemsPath, fd: fd, keys: keys, resumed: resumed,
                                torn: torn, unreadable: unreadable)
        } catch {
            Foundation.close(fd)
            throw error
        }
    }

    /// The key of a record line. ddx writes `{"id":…,"line":N,…}`, so the first members are read directly (and the
    /// line must end in `}`); anything else is parsed in full. Nil when the line is not a record.
    static func recordKey(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        var last = line.count - 1
        while last >= 0, line[last] == 0x20 || line[last] == 0x0D || line[last] == 0x09 { last -= 1 }
        if last > 0, line[last] == UInt8(ascii: "}") {
            var r = BatchJSON.Reader(bytes: line)
            if let key = try? Self.fastKey(&r) { return key }
        }
        guard let value = try? BatchJSON.parse(buffer: line), let id = value["id"]?.string else { return nil }
        return key(line: value["line"]?.int, id: id)
    }

    private static func fastKey(_ r: inout BatchJSON.Reader) throws -> String? {
        try r.expect(UInt8(ascii: "{"))
        guard try r.stringValue() == "id" else { return nil }
        try r.expect(UInt8(ascii: ":"))
        let id = try r.stringValue()
        var number: Int?
        if r.take(UInt8(ascii: ",")), try r.stringValue() == "line" {
            try r.expect(UInt8(ascii: ":"))
            number = try r.optionalInt()
        }
        return key(line: number, id: id)
    }

    private static func readAll(fd: Int32, path: String) throws -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputError("\(path): cannot read: \(String(cString: strerror(errno)))") }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }  // no zero-capacity initializer: it writes the shared empty array
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { out, count in
            count = 0
            while count < size {
                let got = pread(fd, out.baseAddress! + count, size - count, off_t(count))
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                count += got
            }
        }
        if failure != 0 { throw InputError("\(path): read failed: \(String(cString: strerror(failure)))") }
        return bytes
    }

    /// Records `line` (one whole JSON line ending in a line break) under `key`; false when the key is already
    /// recorded. Written with the next group.
    @discardableResult
    public func append(key: String, line: [UInt8]) throws -> Bool {
        precondition(line.last == 0x0A, "a journal line must end with a line break")
        guard keys.insert(key).inserted else { return false }
        pending.append(contentsOf: line)
        pendingLines += 1
        if pendingLines >= groupLines || pending.count >= groupBytes { try flush() }
        return true
    }

    /// Writes the buffered lines in one `write(2)`. After a failed write the journal refuses further writes (the
    /// file may end in a torn line, which the next run drops).
    public func flush() throws {
        guard !pending.isEmpty else { return }
        guard !broken, fd >= 0 else { throw InputError("\(itemsPath): an earlier write failed") }
        var written = 0
        let total = pending.count
        while written < total {
            let n = pending.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress! + written, total - written) }
            if n < 0 {
                if errno == EINTR { continue }
                broken = true
                throw InputError("\(itemsPath): cannot write: \(String(cString: strerror(errno)))")
            }
            written += n
        }
        pending.removeAll(keepingCapacity: true)
        pendingLines = 0
    }

    /// Flushes, syncs to disk and closes the file.
    public func close() throws {
        defer {
            if fd >= 0 { Foundation.close(fd) }
            fd = -1
        }
        try flush()
        _ = fsync(fd)
    }
}
