#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a GGUF image: a read-only private memory mapping of a file, or an owned copy of an in-memory
/// image. Released (unmapped or freed) when the last `GGUFFile` using it goes away.
final class GGUFStorage: @unchecked Sendable {
    /// First byte; never nil, even for an empty image.
    let base: UnsafeRawPointer
    /// Number of bytes.
    let count: Int
    private let isMapped: Bool

    private init(base: UnsafeRawPointer, count: Int, isMapped: Bool) {
        self.base = base
        self.count = count
        self.isMapped = isMapped
    }

    /// Copies `bytes` into memory owned by the storage (page-aligned like a mapping, so tensor data is too).
    convenience init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 4096)
        bytes.withUnsafeBytes { source in
            if let address = source.baseAddress { memory.copyMemory(from: address, byteCount: source.count) }
        }
        self.init(base: UnsafeRawPointer(memory), count: bytes.count, isMapped: false)
    }

    /// Maps the regular file at `path` with `PROT_READ`, `MAP_PRIVATE`. An empty file gets an empty storage.
    static func map(path: String) throws(GGUFError) -> GGUFStorage {
        let fd = path.withCString { openReadOnly($0) }
        guard fd >= 0 else { throw GGUFError(path: path, "cannot open: \(lastError())") }
        defer { _ = close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw GGUFError(path: path, "cannot read file status: \(lastError())") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw GGUFError(path: path, "not a regular file") }
        guard let size = Int(exactly: status.st_size), size >= 0 else {
            throw GGUFError(path: path, "file size \(status.st_size) is not usable")
        }
        if size == 0 { return GGUFStorage(copying: []) }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let address, address != MAP_FAILED else {
            throw GGUFError(path: path, "cannot memory-map \(size) bytes: \(lastError())")
        }
        return GGUFStorage(base: UnsafeRawPointer(address), count: size, isMapped: true)
    }

    deinit {
        if isMapped {
            _ = munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    /// The whole image.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    private static func openReadOnly(_ path: UnsafePointer<CChar>) -> Int32 {
        #if canImport(Darwin)
        Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #elseif canImport(Musl)
        Musl.open(path, O_RDONLY | O_CLOEXEC)
        #else
        Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #endif
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
