/// Puts the run metadata (`DiagramAnnotations.metadataJSON`) into each export, where it cannot escape its container.
///
/// The JSON is first made inert for every host format (`inertJSON`): `<` `>` `&` become `\u003c` `\u003e`
/// `\u0026`, `/` becomes `\/`, U+2028/U+2029, C1 controls and bidirectional controls become `\uXXXX`, and raw line
/// breaks (only possible as white space between tokens) become spaces. The result is still the same JSON value, on
/// one line, and contains no `*/`, `-->`, `</…`, line break or bidi control, so it is safe inside a DOT block comment,
/// a Mermaid `%%` comment, SVG `<metadata>` and an HTML `<script type="application/json">`.
///
/// - SVG: `<metadata id="ddx-run-metadata">…</metadata>` right after the `<svg …>` start tag;
/// - DOT: `/* ddx run metadata (JSON): … */` after the `digraph … {` line;
/// - Mermaid: a `%% ddx run metadata (JSON): …` line (written by `MermaidWriter`);
/// - JSON: a `metadata` object (written by `DiagramJSONWriter`);
/// - PNG: an `iTXt` chunk with keyword `ddx-run-metadata` after `IHDR`;
/// - PDF: an incremental update whose document information dictionary adds `/DDxRunMetadata` (UTF-16 hex string)
///   to cairo's entries.
public enum RunMetadataEmbedding {
    /// Keyword of the PNG `iTXt` chunk and id of the SVG `<metadata>` element.
    public static let key = "ddx-run-metadata"

    /// `json` with everything a host format could interpret escaped (see the type's description). Escape sequences
    /// already in the text (`\/`, `\"`, `\u0041`) are kept as they are.
    public static func inertJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        var escaping = false
        for scalar in json.unicodeScalars {
            if escaping {
                out.unicodeScalars.append(scalar)
                escaping = false
                continue
            }
            switch scalar {
            case "\\":
                out.unicodeScalars.append(scalar)
                escaping = true
            case "/": out += "\\/"
            case "\n", "\r": out += " "
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar)
            default:
                out += isInvisibleControl(scalar) ? unicodeEscape(scalar) : String(scalar)
            }
        }
        return out
    }

    /// DEL and C1 controls, bidirectional embeddings, overrides, isolates and marks, and the byte-order mark: they
    /// are valid in JSON strings but could make text display differently from its bytes.
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// `\uXXXX` (lower-case hex) for a scalar of the Basic Multilingual Plane.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The SVG with a `<metadata>` element after its start tag (unchanged when there is no `<svg` tag).
    static func svg(_ bytes: [UInt8], json: String) -> [UInt8] {
        guard let start = find(Array("<svg".utf8), in: bytes, from: 0),
              let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return bytes }
        let element = "\n<metadata id=\"\(key)\">\(GraphvizText.htmlEscaped(inertJSON(json)))</metadata>"
        var out = bytes
        out.insert(contentsOf: Array(element.utf8), at: end + 1)
        return out
    }

    /// The DOT text with a block comment after its first line.
    static func dot(_ bytes: [UInt8], json: String) -> [UInt8] {
        let comment = "/* ddx run metadata (JSON): \(inertJSON(json)) */\n"
        var out = bytes
        let insertAt = bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        out.insert(contentsOf: Array(comment.utf8), at: insertAt)
        return out
    }

    /// The Mermaid comment line (indented, with its newline).
    static func mermaidLine(json: String) -> String {
        "    %% ddx run metadata (JSON): \(inertJSON(json))\n"
    }

    /// The PNG with an `iTXt` chunk (UTF-8, uncompressed) after `IHDR` (unchanged when it is not a PNG).
    static func png(_ bytes: [UInt8], json: String) -> [UInt8] {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 33, Array(bytes.prefix(8)) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return bytes
        }
        let ihdrLength = Int(bytes[8]) << 24 | Int(bytes[9]) << 16 | Int(bytes[10]) << 8 | Int(bytes[11])
        let insertAt = 8 + 12 + ihdrLength
        guard insertAt <= bytes.count else { return bytes }
        // keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL, text.
        var data = Array(key.utf8) + [0, 0, 0, 0, 0]
        data += Array(inertJSON(json).utf8)
        let type = Array("iTXt".utf8)
        var chunk: [UInt8] = []
        chunk += bigEndian(UInt32(data.count))
        chunk += type + data
        chunk += bigEndian(CRC32.checksum(type + data))
        var out = bytes
        out.insert(contentsOf: chunk, at: insertAt)
        return out
    }

    /// The PDF with an incremental update adding `/DDxRunMetadata` to its information dictionary (unchanged when
    /// the file does not end in a classic `trailer` / `startxref` the update can follow).
    static func pdf(_ bytes: [UInt8], json: String) -> [UInt8] {
        guard let update = PDFInfoUpdate(bytes) else { return bytes }
        return bytes + update.appendix(adding: "DDxRunMetadata", value: inertJSON(json), at: bytes.count)
    }

    // MARK: Helpers

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// CRC-32 (ISO 3309, as PNG uses it).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
