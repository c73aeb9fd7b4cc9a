/// Whitespace handling for text read from XML.
enum XMLText {
    /// Trims the ends and collapses inner runs of whitespace (newlines, tabs) to single spaces.
    static func collapseWhitespace(_ text: String) -> String {
        var needsWork = false
        var previousSpace = true
        for b in text.utf8 {
            let isSpace = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if isSpace && (previousSpace || b != 0x20) { needsWork = true; break }
            previousSpace = isSpace
        }
        if !needsWork && !previousSpace { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
