/// Writes one JSON line into a byte buffer: the batch writes tens of thousands of records, and escaping byte runs
/// straight into `[UInt8]` is several times faster than building a `String` scalar by scalar.
struct BatchJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 2048) {
        bytes.reserveCapacity(capacity)
    }

    /// Raw ASCII (punctuation and keys ddx chose).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"key":` — `key` is one of ddx's own member names (no escaping needed).
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        raw(name)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(0x30 + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    mutating func uint(_ value: UInt64) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool?) {
        guard let value else { return raw("null") }
        raw(value ? "true" : "false")
    }

    mutating func number(_ value: Double?) {
        guard let value else { return raw("null") }
        bytes.append(contentsOf: JSONText.number(value).utf8)
    }

    /// A JSON string literal per RFC 8259 (the same escapes as `JSONText.string`), or `null`.
    mutating func string(_ value: String?) {
        guard var value else { return raw("null") }
        bytes.append(0x22)
        value.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            func flush(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                    i += 1
                    continue
                }
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) are escaped so the line stays safe for JavaScript readers.
                if b == 0xE2 {
                    if i + 2 < n, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
                        flush(i)
                        raw(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                        i += 3
                        runStart = i
                    } else {
                        i += 1
                    }
                    continue
                }
                flush(i)
                switch b {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                i += 1
                runStart = i
            }
            flush(n)
        }
        bytes.append(0x22)
    }
}
