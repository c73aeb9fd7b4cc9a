/// Watches streamed text for stop strings: releases text only once it can no longer be the start of a stop
/// string, and reports where the first stop string begins.
struct StopStringMatcher {
    let stops: [String]
    private(set) var text = ""
    /// Characters of `text` already released to the caller.
    private var released = 0

    init(stops: [String]) { self.stops = stops.filter { !$0.isEmpty } }

    /// Adds new text; returns what can be released now and whether a stop string was completed (the text before
    /// it is then released in full and the stop string itself is dropped).
    mutating func append(_ piece: String) -> (release: String, stopped: Bool) {
        text += piece
        if let cut = firstStop(newCharacters: piece.count) {
            let out = String(text[text.index(text.startIndex, offsetBy: released)..<cut])
            text = String(text[..<cut])
            released = text.count
            return (out, true)
        }
        // Hold back the longest suffix that is a proper prefix of some stop string.
        var hold = 0
        for stop in stops {
            for length in stride(from: min(stop.count - 1, text.count), to: 0, by: -1) where length > hold {
                if text.hasSuffix(stop.prefix(length)) { hold = length; break }
            }
        }
        let end = text.count - hold
        guard end > released else { return ("", false) }
        let from = text.index(text.startIndex, offsetBy: released), to = text.index(text.startIndex, offsetBy: end)
        released = end
        return (String(text[from..<to]), false)
    }

    /// Whatever is still held back (at the end of generation).
    mutating func flush() -> String {
        let out = String(text.dropFirst(released))
        released = text.count
        return out
    }

    /// The start of the earliest stop string that ends in the newly added characters (earlier text was checked
    /// when it arrived).
    private func firstStop(newCharacters: Int) -> String.Index? {
        var best: String.Index?
        for stop in stops {
            let back = newCharacters + stop.count - 1
            var i = text.index(text.endIndex, offsetBy: -back, limitedBy: text.startIndex) ?? text.startIndex
            while i < text.endIndex {
                if let b = best, i >= b { break }
                if text[i...].hasPrefix(stop) { best = i; break }
                i = text.index(after: i)
            }
        }
        return best
    }
}
