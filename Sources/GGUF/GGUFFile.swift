/// A GGUF v2/v3 model file: typed metadata, the tensor directory, and the tensors' bytes in place.
///
/// `open(path:)` memory-maps the file read-only (nothing is copied; pages are read on first touch) and parses and
/// validates the header, metadata and every tensor's type, shape and offset. The tensor data itself is only
/// bounds-checked when asked for, so a file whose data section is cut short still opens (enough to read a
/// vocabulary) and `tensorData` reports the missing tensors. Immutable once opened; safe to share across threads.
/// The mapping lives as long as this object: buffers from `tensorData` must not outlive it. (As with any mapping,
/// a file shrunk by another process while mapped makes reads of the lost pages fault; don't rewrite model files
/// in place.)
public final class GGUFFile: @unchecked Sendable {
    /// The file path (or the name given to `init(bytes:name:)`), used in errors.
    public let path: String
    /// Format version: 2 or 3.
    public let version: Int
    /// Alignment of the data section and of every tensor offset (`general.alignment`, default 32).
    public let alignment: Int
    /// Absolute byte offset where the tensor data section starts. May exceed `fileSize` when the data is cut off.
    public let dataOffset: Int
    /// Bytes in the file (or image).
    public let fileSize: Int
    /// Metadata keys in file order.
    public let metadataKeys: [String]
    /// All metadata by key.
    public let metadata: [String: GGUFValue]
    /// The tensor directory in file order.
    public let tensors: [GGUFTensorInfo]

    private let storage: GGUFStorage
    private let tensorIndex: [String: Int]

    /// Opens and memory-maps `path` (`PROT_READ`, `MAP_PRIVATE`) and parses its header, metadata and tensor
    /// directory. Throws `GGUFError` when the file cannot be read or is not a valid GGUF v2/v3 file; a file
    /// whose tensor data is truncated still opens.
    public static func open(path: String) throws -> GGUFFile {
        try GGUFFile(storage: GGUFStorage.map(path: path), path: path)
    }

    /// Parses an in-memory image (copied); `name` stands for the path in errors.
    public convenience init(bytes: [UInt8], name: String = "<memory>") throws {
        try self.init(storage: GGUFStorage(copying: bytes), path: name)
    }

    private init(storage: GGUFStorage, path: String) throws(GGUFError) {
        let parsed = try GGUFParser.parse(storage.buffer, path: path)
        self.storage = storage
        self.path = path
        version = parsed.version
        alignment = parsed.alignment
        dataOffset = parsed.dataOffset
        fileSize = storage.count
        metadataKeys = parsed.metadataKeys
        metadata = parsed.metadata
        tensors = parsed.tensors
        tensorIndex = parsed.tensorIndex
    }

    /// The tensor called `name`, if the directory has one.
    public func tensor(named name: String) -> GGUFTensorInfo? {
        tensorIndex[name].map { tensors[$0] }
    }

    /// The tensor's bytes inside the mapping (valid while this file is alive). Throws a `GGUFError` naming the
    /// tensor when its type is unsupported, or when the file ends before the tensor's last byte.
    public func tensorData(_ tensor: GGUFTensorInfo) throws -> UnsafeRawBufferPointer {
        guard tensor.type.isSupported else {
            throw GGUFError(path: path,
                            "tensor \(GGUFParser.quoted(tensor.name)) has unsupported type '\(tensor.type.name)'")
        }
        let (start, startOverflow) = dataOffset.addingReportingOverflow(tensor.offset)
        let (end, endOverflow) = start.addingReportingOverflow(tensor.byteCount)
        guard !startOverflow, !endOverflow, tensor.offset >= 0, tensor.byteCount >= 0, end <= fileSize else {
            throw GGUFError(path: path, offset: startOverflow ? nil : start,
                            "tensor \(GGUFParser.quoted(tensor.name)) (\(tensor.type.name), \(tensor.byteCount) bytes) "
                                + "runs past the end of the file (\(fileSize) bytes); the file is truncated")
        }
        return UnsafeRawBufferPointer(start: storage.base + start, count: tensor.byteCount)
    }

    /// The bytes of the tensor called `name`; throws when there is no such tensor or `tensorData` would throw.
    public func tensorData(named name: String) throws -> UnsafeRawBufferPointer {
        guard let tensor = tensor(named: name) else {
            throw GGUFError(path: path, "no tensor named \(GGUFParser.quoted(name))")
        }
        return try tensorData(tensor)
    }

    /// Whether every tensor's data lies inside the file (false for a truncated download).
    public var hasCompleteTensorData: Bool {
        tensors.allSatisfy { dataOffset + $0.offset + $0.byteCount <= fileSize }
    }

    /// Runs `body` with the whole file image (header included). The buffer is valid only inside `body`.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(storage.buffer)
    }
}
