/// Byte-level checks on raw input: encodings, binary content, line-ending style.
enum InputDecoder {
    /// The UTF-8 form of `bytes` when they start with a UTF-16 byte-order mark, else nil.
    static func transcodeUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let little: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE { little = true } else if bytes[0] == 0xFE && bytes[1] == 0xFF { little = false } else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let u = little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            units.append(u)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// True when the text breaks lines with bare CR (classic Mac) and never with LF.
    static func usesBareCarriageReturns(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawCR = false
        for c in b {
            if c == ByteText.lf { return false }
            if c == ByteText.cr { sawCR = true }
        }
        return sawCR
    }

    /// Counts of NUL bytes, other control bytes and invalid UTF-8 sequences.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> (nul: Int, control: Int, invalid: Int) {
        var nul = 0, control = 0, invalid = 0
        var i = 0
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        while i < n {
            // Eight printable ASCII bytes at a time: no high bit set and none below 0x20.
            if i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high = w & 0x8080_8080_8080_8080
                let control = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                if high == 0 && control == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 {
                if c < 0x20 {
                    if c == 0 { nul += 1 } else if c != ByteText.lf && c != ByteText.cr && c != ByteText.tab && c != 0x0C { control += 1 }
                }
                i += 1
                continue
            }
            var need = 0
            var minScalar: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; minScalar = 0x80 } else if c & 0xF0 == 0xE0 { need = 2; minScalar = 0x800 } else if c & 0xF8 == 0xF0 { need = 3; minScalar = 0x10000 } else { invalid += 1; i += 1; continue }
            guard i + need < n else { invalid += 1; i += 1; continue }
            var scalar = UInt32(c) & (0x3F >> UInt32(need))
            var ok = true
            for k in 1...need {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { ok = false; break }
                scalar = scalar << 6 | UInt32(cc & 0x3F)
            }
            if !ok || scalar < minScalar || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) {
                invalid += 1
                i += 1
            } else {
                i += need + 1
            }
        }
        return (nul, control, invalid)
    }
}
