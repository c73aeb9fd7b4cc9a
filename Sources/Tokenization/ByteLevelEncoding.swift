/// GPT-2's reversible byte-to-character table: printable Latin-1 bytes stand for themselves, the other 68 bytes
/// map to U+0100 onwards in byte order. Table as GPT-2's `bytes_to_unicode` (llama.cpp's `unicode_byte_to_utf8_map`).
public enum ByteLevelEncoding {
    /// The scalar value standing for each byte.
    static let scalarForByte: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            if (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte) {
                table[byte] = UInt32(byte)
            } else {
                table[byte] = next
                next += 1
            }
        }
        return table
    }()

    /// The byte for each scalar value below 324, or -1 for scalars outside the table.
    static let byteForScalar: [Int16] = {
        var table = [Int16](repeating: -1, count: 324)
        for (byte, scalar) in scalarForByte.enumerated() { table[Int(scalar)] = Int16(byte) }
        return table
    }()

    /// The UTF-8 bytes of each byte's stand-in character.
    static let utf8ForByte: [[UInt8]] = scalarForByte.map { Array(String(Unicode.Scalar($0)!).utf8) }

    /// `bytes` in the byte-level encoding, as vocabulary texts are written (`" é"` → `"ĠÃ©"`).
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        let table = utf8ForByte
        for byte in bytes { utf8.append(contentsOf: table[Int(byte)]) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The raw bytes a normal token's text stands for. Characters outside the table are written as llama.cpp's
    /// `llama_decode_text` writes them: `[UNK_BYTE_0x<hex of the character>` + the whole text + `]`.
    static func decode(_ text: String, into bytes: inout [UInt8]) {
        let table = byteForScalar
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < table.count, table[value] >= 0 {
                bytes.append(UInt8(table[value]))
            } else {
                var marker = "[UNK_BYTE_0x"
                for byte in String(scalar).utf8 { marker += hex(byte) }
                marker += text + "]"
                bytes.append(contentsOf: marker.utf8)
            }
        }
    }

    /// Two lowercase hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
