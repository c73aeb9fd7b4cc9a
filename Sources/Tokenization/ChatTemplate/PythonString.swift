/// Python `str` semantics on Swift strings: code-point indexing, Python's whitespace set, `split`, `strip`,
/// `splitlines`, `title`, `capitalize`.
enum PythonString {
    /// `str.isspace()` for one code point (also what `\s` and argument-less `strip()`/`split()` use).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isXIDStart
    }

    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isIdentifierStart(scalar) || ("0"..."9").contains(scalar) }
        return scalar.properties.isXIDContinue
    }

    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    /// A string from code points (encoded to UTF-8 in one pass, much faster than appending scalars).
    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `str.strip(chars)` / `lstrip` / `rstrip`; nil `chars` means whitespace.
    static func strip(_ text: String, _ chars: String?, leading: Bool = true, trailing: Bool = true) -> String {
        let set = chars.map { Set($0.unicodeScalars) }
        let matches: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? isWhitespace($0) }
        let view = text.unicodeScalars
        var start = view.startIndex
        var end = view.endIndex
        if leading { while start < end, matches(view[start]) { view.formIndex(after: &start) } }
        if trailing {
            while start < end {
                let previous = view.index(before: end)
                guard matches(view[previous]) else { break }
                end = previous
            }
        }
        if start == view.startIndex && end == view.endIndex { return text }
        return String(view[start..<end])
    }

    /// Byte offsets of the non-overlapping occurrences of `needle` in `haystack` (UTF-8 is self-synchronising, so
    /// byte matches of valid UTF-8 are code-point matches).
    private static func occurrences(of needle: [UInt8], in haystack: [UInt8], limit: Int = -1) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var offsets: [Int] = []
        var index = 0
        let first = needle[0]
        while index + needle.count <= haystack.count, limit < 0 || offsets.count < limit {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                offsets.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return offsets
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `str.split(sep, maxsplit)`; nil `separator` splits on whitespace runs. Returns nil for an empty separator.
    static func split(_ text: String, _ separator: String?, maxSplit: Int = -1) -> [String]? {
        guard let separator else {
            let view = text.unicodeScalars
            var parts: [String] = []
            var index = view.startIndex
            while true {
                while index < view.endIndex, isWhitespace(view[index]) { view.formIndex(after: &index) }
                if index == view.endIndex { break }
                if maxSplit >= 0, parts.count == maxSplit {
                    parts.append(String(view[index...]))
                    break
                }
                let start = index
                while index < view.endIndex, !isWhitespace(view[index]) { view.formIndex(after: &index) }
                parts.append(String(view[start..<index]))
            }
            return parts
        }
        let needle = Array(separator.utf8)
        guard !needle.isEmpty else { return nil }
        let haystack = Array(text.utf8)
        var parts: [String] = []
        var start = 0
        for offset in occurrences(of: needle, in: haystack, limit: maxSplit) {
            parts.append(Self.text(haystack[start..<offset]))
            start = offset + needle.count
        }
        parts.append(Self.text(haystack[start...]))
        return parts
    }

    /// `str.rsplit(sep, maxsplit)`.
    static func rsplit(_ text: String, _ separator: String?, maxSplit: Int = -1) -> [String]? {
        if maxSplit < 0 { return split(text, separator) }
        let reversedText = string(text.unicodeScalars.reversed())
        let reversedSeparator = separator.map { string($0.unicodeScalars.reversed()) }
        return split(reversedText, reversedSeparator, maxSplit: maxSplit)?
            .reversed().map { string($0.unicodeScalars.reversed()) }
    }

    /// `str.splitlines(keepends)`.
    static func splitlines(_ text: String, keepEnds: Bool = false) -> [String] {
        let view = text.unicodeScalars
        var lines: [String] = []
        var start = view.startIndex
        var index = view.startIndex
        while index < view.endIndex {
            let value = view[index].value
            let isBreak = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(value)
            guard isBreak else { view.formIndex(after: &index); continue }
            var end = view.index(after: index)
            if value == 0x0D, end < view.endIndex, view[end] == "\n" { view.formIndex(after: &end) }
            lines.append(String(view[start..<(keepEnds ? end : index)]))
            start = end
            index = end
        }
        if start < view.endIndex { lines.append(String(view[start...])) }
        return lines
    }

    /// `str.replace(old, new, count)`.
    static func replace(_ text: String, _ old: String, _ new: String, count: Int = -1) -> String {
        if old.isEmpty {
            var result = ""
            var done = 0
            for scalar in text.unicodeScalars {
                if count < 0 || done < count { result += new; done += 1 }
                result.unicodeScalars.append(scalar)
            }
            if count < 0 || done < count { result += new }
            return result
        }
        let haystack = Array(text.utf8)
        let needle = Array(old.utf8)
        let offsets = occurrences(of: needle, in: haystack, limit: count)
        if offsets.isEmpty { return text }
        var result: [UInt8] = []
        result.reserveCapacity(haystack.count)
        var start = 0
        for offset in offsets {
            result += haystack[start..<offset]
            result += new.utf8
            start = offset + needle.count
        }
        result += haystack[start...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Offset of the first (or last) occurrence of `needle`, in code points; -1 when absent.
    static func find(_ text: String, _ needle: String, last: Bool = false) -> Int {
        let haystack = Array(text.utf8)
        let target = Array(needle.utf8)
        guard target.count <= haystack.count else { return -1 }
        var byteOffset: Int?
        if target.isEmpty {
            byteOffset = last ? haystack.count : 0
        } else if last {
            byteOffset = stride(from: haystack.count - target.count, through: 0, by: -1).first {
                haystack[$0..<$0 + target.count].elementsEqual(target)
            }
        } else {
            byteOffset = occurrences(of: target, in: haystack, limit: 1).first
        }
        guard let byteOffset else { return -1 }
        return haystack[..<byteOffset].filter { $0 & 0xC0 != 0x80 }.count
    }

    /// Non-overlapping occurrences of `needle` (`str.count`).
    static func count(_ text: String, _ needle: String) -> Int {
        if needle.isEmpty { return text.unicodeScalars.count + 1 }
        return occurrences(of: Array(needle.utf8), in: Array(text.utf8)).count
    }

    private static func isCased(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .uppercaseLetter || category == .lowercaseLetter || category == .titlecaseLetter
    }

    /// `str.title()`: title-case after an uncased character, lower-case after a cased one.
    static func title(_ text: String) -> String {
        var result = ""
        var previousCased = false
        for scalar in text.unicodeScalars {
            result += previousCased ? scalar.properties.lowercaseMapping : scalar.properties.titlecaseMapping
            previousCased = isCased(scalar)
        }
        return result
    }

    /// `str.capitalize()`: first character title-cased, the rest lower-cased.
    static func capitalize(_ text: String) -> String {
        var result = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            result += offset == 0 ? scalar.properties.titlecaseMapping : scalar.properties.lowercaseMapping
        }
        return result
    }

    /// `str.swapcase()`.
    static func swapcase(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter: result += scalar.properties.lowercaseMapping
            case .lowercaseLetter: result += scalar.properties.uppercaseMapping
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Python's `str.islower()` / `isupper()`: at least one cased character and none of the other case.
    static func hasOnlyCase(_ text: String, lower: Bool) -> Bool {
        var sawCased = false
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .titlecaseLetter { return false }
            if category == .uppercaseLetter { if lower { return false }; sawCased = true }
            if category == .lowercaseLetter { if !lower { return false }; sawCased = true }
        }
        return sawCased
    }

    /// Python code-point comparison (no Unicode normalisation, unlike Swift's `<`).
    static func less(_ left: String, _ right: String) -> Bool {
        left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
    }

    /// Python's `==` on strings: code points, not canonical equivalence.
    static func equal(_ left: String, _ right: String) -> Bool {
        left.unicodeScalars.elementsEqual(right.unicodeScalars)
    }
}
