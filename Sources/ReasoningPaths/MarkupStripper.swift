/// Removes Markdown emphasis that models wrap around path items and steps.
enum MarkupStripper {
    /// `text` without any `**`/`__` markers (matched or not), without `*…*`/`_…_`/`` `…` `` wrapped around
    /// the whole text, and trimmed.
    static func strip(_ text: String) -> String {
        var s = text
        if s.contains("**") { s = s.replacingAll("**", with: "") }
        if s.contains("__") { s = s.replacingAll("__", with: "") }
        s = s.trimmedSpaces()
        for wrapper: Character in ["*", "_", "`"] {
            while s.count >= 2, s.first == wrapper, s.last == wrapper {
                s = String(s.dropFirst().dropLast()).trimmedSpaces()
            }
            // One unmatched leading or trailing marker left by cut-off emphasis.
            if wrapper == "*" {
                if s.hasPrefix("*"), !s.dropFirst().contains("*") { s = String(s.dropFirst()).trimmedSpaces() }
                if s.hasSuffix("*"), !s.dropLast().contains("*") { s = String(s.dropLast()).trimmedSpaces() }
            }
        }
        return s
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }

    /// The string without leading and trailing white space (including non-breaking spaces and newlines).
    func trimmedSpaces() -> String {
        var sub = self[...]
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }
}

extension Substring {
    /// The first range of `target`, or nil (a small search so the module needs no Foundation).
    func range(of target: String) -> Range<Index>? {
        let t = Array(target.utf8)
        let u = self.utf8
        guard let first = t.first, u.count >= t.count else { return nil }
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == first {
                var j = i, k = 0
                while k < t.count, j != u.endIndex, u[j] == t[k] { j = u.index(after: j); k += 1 }
                if k == t.count { return i..<j }
            }
            i = u.index(after: i)
        }
        return nil
    }
}
