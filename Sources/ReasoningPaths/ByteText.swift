#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small byte-level helpers over UTF-8 text; the parser works on bytes and makes Strings only for results.
enum ByteText {
    /// Index of the first `byte` in `buf[from..<to]` (libc `memchr`, vectorised), or nil.
    @inline(__always)
    static func index(of byte: UInt8, in buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int? = nil) -> Int? {
        let end = to ?? buf.count
        guard from < end, let base = buf.baseAddress else { return nil }
        guard let p = memchr(base + from, Int32(byte), end - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    static let hash: UInt8 = 0x23, star: UInt8 = 0x2A, underscore: UInt8 = 0x5F, colon: UInt8 = 0x3A
    static let dot: UInt8 = 0x2E, dash: UInt8 = 0x2D, lt: UInt8 = 0x3C, gt: UInt8 = 0x3E, slash: UInt8 = 0x2F
    static let lparen: UInt8 = 0x28, rparen: UInt8 = 0x29, lbracket: UInt8 = 0x5B, rbracket: UInt8 = 0x5D
    static let equals: UInt8 = 0x3D, backtick: UInt8 = 0x60

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab || b == cr || b == 0x0B || b == 0x0C }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b &- 0x41 < 26) ? b | 0x20 : b }

    /// `range` without leading and trailing ASCII white space (and non-breaking spaces).
    static func trimmed(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            if isSpace(buf[lo]) { lo += 1 } else if lo + 1 < hi, buf[lo] == 0xC2, buf[lo + 1] == 0xA0 { lo += 2 } else { break }
        }
        while hi > lo {
            if isSpace(buf[hi - 1]) { hi -= 1 } else if hi - 2 >= lo, buf[hi - 2] == 0xC2, buf[hi - 1] == 0xA0 { hi -= 2 } else { break }
        }
        return lo..<hi
    }

    /// `range` without leading and trailing white space including line breaks.
    static func trimmedLines(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var r = trimmed(buf, range)
        while true {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi, buf[lo] == lf { lo += 1 }
            while hi > lo, buf[hi - 1] == lf { hi -= 1 }
            if lo == r.lowerBound && hi == r.upperBound { return r }
            r = trimmed(buf, lo..<hi)
        }
    }

    /// Number of leading spaces (a tab counts as 4).
    static func indentation(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range {
            if buf[i] == space { n += 1 } else if buf[i] == tab { n += 4 } else { break }
        }
        return n
    }

    /// True when the bytes at `at` equal `lowercasedASCII` ignoring ASCII case.
    static func hasPrefixCaseInsensitive(_ buf: UnsafeBufferPointer<UInt8>, at: Int, end: Int, _ lowercasedASCII: StaticString) -> Bool {
        let n = lowercasedASCII.utf8CodeUnitCount
        guard end - at >= n else { return false }
        let p = lowercasedASCII.utf8Start
        for k in 0..<n where lower(buf[at + k]) != p[k] { return false }
        return true
    }

    /// True when `range` contains `byte`.
    static func contains(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ byte: UInt8) -> Bool {
        for i in range where buf[i] == byte { return true }
        return false
    }

    /// Decodes `range` as UTF-8, replacing invalid sequences.
    static func string(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self)
    }
}
