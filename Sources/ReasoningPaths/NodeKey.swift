/// The identity of a graph node: a step name folded for case and white space, and the stable id made from it.
enum NodeKey {
    /// `name` lower-cased with runs of white space folded to one space and markup removed.
    static func key(for name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for ch in MarkupStripper.strip(name).lowercased() {
            if ch.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        return out
    }

    /// A readable, deterministic id for `key`: an ASCII slug (`cough-suppressants`), with a short hash
    /// appended when the slug had to drop characters or length.
    static func slug(for key: String, maxLength: Int = 48) -> String {
        var slug = ""
        var lossy = false
        var dash = false
        for scalar in key.unicodeScalars {
            if scalar.isASCII, let c = Optional(Character(scalar)), c.isLetter || c.isNumber {
                if dash && !slug.isEmpty { slug.append("-") }
                dash = false
                slug.append(c)
            } else {
                if !(scalar == " " || scalar == "-" || scalar == "," || scalar == "." || scalar == "/" || scalar == "'" || scalar == "(" || scalar == ")") { lossy = true }
                dash = true
            }
        }
        if slug.count > maxLength {
            slug = String(slug.prefix(maxLength))
            while slug.hasSuffix("-") { slug.removeLast() }
            lossy = true
        }
        if slug.isEmpty || lossy || slug.first!.isNumber {
            let h = fnv1a(key)
            let hex = String(h & 0xFFFF_FFFF, radix: 16)
            let padded = String(repeating: "0", count: 8 - hex.count) + hex
            slug = slug.isEmpty ? "n-\(padded)" : (slug.first!.isNumber ? "n-" : "") + "\(slug)-\(padded)"
        }
        return slug
    }

    /// 64-bit FNV-1a over the UTF-8 bytes (a fixed, platform-independent hash; Swift's `Hasher` is seeded per run).
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
