internal import CLibXML2

/// Reads a whole file through libxml2's I/O layer, which decompresses gzip transparently.
enum CompressedFile {
    /// The file's bytes, decompressed when it is gzip. Throws when the file cannot be read.
    static func readAll(_ path: String) throws -> [UInt8] {
        XMLLibrary.initialize()
        guard let input = xmlParserInputBufferCreateFilename(path, XML_CHAR_ENCODING_NONE) else {
            throw OntologyError(path: path, "cannot open the file for reading")
        }
        defer { xmlFreeParserInputBuffer(input) }
        var bytes: [UInt8] = []
        while true {
            let n = xmlParserInputBufferRead(input, 1 << 20)
            if n < 0 { throw OntologyError(path: path, "read error (corrupt or truncated compressed data?)") }
            guard let buffer = input.pointee.buffer else { break }
            let used = Int(xmlBufUse(buffer))
            if used > 0, let content = xmlBufContent(buffer) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: used))
                xmlBufShrink(buffer, used)
            }
            if n == 0 { break }
        }
        return bytes
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
}
