/// Removes Markdown emphasis that models wrap around path items and steps. Works on UTF-8 bytes.
enum MarkupStripper {
    /// `text` without any `**`/`__` markers (matched or not), without `*…*`/`_…_`/`` `…` `` wrapped around
    /// the whole text, without one unmatched leading or trailing `*`, and trimmed.
    static func strip(_ text: String) -> String {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { mb in
            String(decoding: strip(UnsafeBufferPointer(mb), 0..<mb.count), as: UTF8.self)
        }
    }

    /// The bytes of `range` without any doubled marker (`**` or `__`), matched or not.
    static func removingDoubledMarkers(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            if (c == ByteText.star || c == ByteText.underscore), i + 1 < range.upperBound, b[i + 1] == c {
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// The bytes of `range` with markup removed (see `strip(_:)`).
    static func strip(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out = removingDoubledMarkers(b, range)
        trim(&out)
        for wrapper in [ByteText.star, ByteText.underscore, ByteText.backtick] {
            while out.count >= 2, out.first == wrapper, out.last == wrapper {
                out.removeFirst()
                out.removeLast()
                trim(&out)
            }
        }
        // One unmatched marker left by cut-off emphasis.
        if out.first == ByteText.star, !out.dropFirst().contains(ByteText.star) { out.removeFirst(); trim(&out) }
        if out.last == ByteText.star, !out.dropLast().contains(ByteText.star) { out.removeLast(); trim(&out) }
        return out
    }

    /// True when `range` holds a doubled marker (`**` or `__`) that `strip` would remove.
    static func hasDoubledMarker(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            let c = b[i]
            if (c == ByteText.star || c == ByteText.underscore) && b[i + 1] == c { return true }
            i += 1
        }
        return false
    }

    /// `range` narrowed the way `strip` would narrow it, for text with no doubled markers: trimmed,
    /// wrapping `*…*`, `_…_`, `` `…` `` removed, one unmatched leading or trailing `*` dropped.
    static func cleanRange(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var r = ByteText.trimmed(b, range)
        // Doubled markers at the edges (`**Cough` … `Relief**` of a whole-bold item, `**A**` per step).
        while true {
            let before = r
            if r.count >= 2, b[r.lowerBound] == b[r.lowerBound + 1], b[r.lowerBound] == ByteText.star || b[r.lowerBound] == ByteText.underscore {
                r = ByteText.trimmed(b, (r.lowerBound + 2)..<r.upperBound)
            }
            if r.count >= 2, b[r.upperBound - 1] == b[r.upperBound - 2], b[r.upperBound - 1] == ByteText.star || b[r.upperBound - 1] == ByteText.underscore {
                r = ByteText.trimmed(b, r.lowerBound..<(r.upperBound - 2))
            }
            if r == before { break }
        }
        // Wrapping `*…*`, `_…_`, `` `…` `` (no array literal here: this runs for every step).
        while r.count >= 2 {
            let f = b[r.lowerBound]
            guard (f == ByteText.star || f == ByteText.underscore || f == ByteText.backtick), b[r.upperBound - 1] == f else { break }
            r = ByteText.trimmed(b, (r.lowerBound + 1)..<(r.upperBound - 1))
        }
        if !r.isEmpty, b[r.lowerBound] == ByteText.star, !ByteText.contains(b, (r.lowerBound + 1)..<r.upperBound, ByteText.star) {
            r = ByteText.trimmed(b, (r.lowerBound + 1)..<r.upperBound)
        }
        if !r.isEmpty, b[r.upperBound - 1] == ByteText.star, !ByteText.contains(b, r.lowerBound..<(r.upperBound - 1), ByteText.star) {
            r = ByteText.trimmed(b, r.lowerBound..<(r.upperBound - 1))
        }
        return r
    }

    /// Removes leading and trailing ASCII white space and non-breaking spaces in place.
    static func trim(_ a: inout [UInt8]) {
        var hi = a.count
        while hi > 0 {
            if ByteText.isSpace(a[hi - 1]) || a[hi - 1] == ByteText.lf { hi -= 1 } else if hi >= 2, a[hi - 2] == 0xC2, a[hi - 1] == 0xA0 { hi -= 2 } else { break }
        }
        var lo = 0
        while lo < hi {
            if ByteText.isSpace(a[lo]) || a[lo] == ByteText.lf { lo += 1 } else if lo + 1 < hi, a[lo] == 0xC2, a[lo + 1] == 0xA0 { lo += 2 } else { break }
        }
        if hi < a.count { a.removeSubrange(hi...) }
        if lo > 0 { a.removeSubrange(..<lo) }
    }
}
