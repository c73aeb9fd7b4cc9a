internal import CLibXML2

import Foundation

/// Reads a whole file through libxml2's I/O layer, which decompresses gzip transparently.
///
/// libxml2 (2.9) decompresses only the first member of a gzip file, then stops or passes later bytes through
/// undecoded, so a file of several members (bgzip, `cat a.gz b.gz`) reads as a cut-off document or as XML followed
/// by compressed bytes.
/// Readers that fail on such a file check its gzip trailer and name the cause with ``concatenatedGzipError(_:)``.
enum CompressedFile {
    /// The file's bytes, decompressed when it is gzip. Throws when the file cannot be read.
    static func readAll(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk(path) { bytes.append(contentsOf: $0); return true }
        return bytes
    }

    /// Passes the file's (decompressed) bytes to `body` a chunk of up to 1 MiB at a time, until `body` returns false.
    static func forEachChunk(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        XMLLibrary.initialize()
        guard let input = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE) else {
            throw OntologyError(path: path, "cannot open the file for reading")
        }
        defer { xmlFreeParserInputBuffer(input) }
        while true {
            let n = xmlParserInputBufferRead(input, 1 << 20)
            if n < 0 { throw OntologyError(path: path, "read error (corrupt or truncated compressed data?)") }
            guard let buffer = input.pointee.buffer else { break }
            let used = Int(xmlBufUse(buffer))
            if used > 0, let content = xmlBufContent(buffer) {
                let more = try body(UnsafeBufferPointer(start: content, count: used))
                xmlBufShrink(buffer, used)
                if !more { break }
            }
            if n == 0 { break }
        }
    }

    /// Up to `count` leading bytes of the (decompressed) file.
    static func readPrefix(_ path: String, count: Int) throws -> [UInt8] {
        XMLLibrary.initialize()
        guard let input = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE) else {
            throw OntologyError(path: path, "cannot open the file for reading")
        }
        defer { xmlFreeParserInputBuffer(input) }
        let n = xmlParserInputBufferRead(input, Int32(max(count, 4000)))
        guard n >= 0, let buffer = input.pointee.buffer, let content = xmlBufContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: min(Int(xmlBufUse(buffer)), count)))
    }

    /// The error for a gzip file whose decompressed size does not match its trailer.
    static func concatenatedGzipError(_ path: String) -> OntologyError {
        OntologyError(path: path, "a gzip file of several members (made by bgzip or by joining .gz files) or a damaged one: its decompressed size does not match its gzip trailer, and libxml2 reads only a first member; recompress it as one: gzip -dc FILE | gzip > NEW.gz")
    }

    /// The uncompressed size the file's gzip trailer records (its last member's size modulo 2³²), or nil when the
    /// file is not gzip.
    static func gzipTrailerSize(_ path: String) -> UInt32? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard ((try? handle.read(upToCount: 2)) ?? nil).map(Array.init) == [0x1F, 0x8B],
              let end = try? handle.seekToEnd(), end >= 18 else { return nil }
        try? handle.seek(toOffset: end - 4)
        guard let trailer = (try? handle.read(upToCount: 4)) ?? nil, trailer.count == 4 else { return nil }
        return trailer.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// Whether `byteCount` bytes read from `path` disagree with its gzip trailer: a file of several members (the
    /// trailer gives only the last one's size) or a damaged one. False for files that are not gzip.
    static func contradictsGzipTrailer(_ path: String, byteCount: Int) -> Bool {
        guard let size = gzipTrailerSize(path) else { return false }
        return UInt32(truncatingIfNeeded: byteCount) != size
    }

    /// Whether `path` is gzip and its bytes as libxml2 decompresses them disagree with its trailer (reads the whole
    /// file, in chunks, so call it only once reading has failed).
    static func isMisreadGzip(_ path: String) -> Bool {
        guard gzipTrailerSize(path) != nil else { return false }
        var count = 0
        guard (try? forEachChunk(path, { count += $0.count; return true })) != nil else { return false }
        return contradictsGzipTrailer(path, byteCount: count)
    }
}
