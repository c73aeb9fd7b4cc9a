internal import CGraphviz

/// What Graphviz reports through `agerr`, captured instead of printed to stderr, so errors can carry
/// Graphviz's own words. Only touched while `GraphvizContext`'s lock is held.
enum GraphvizMessages {
    /// Text received since the last `take()`; accessed only under the Graphviz lock.
    nonisolated(unsafe) private static var buffer = ""

    /// Routes Graphviz's error and warning output here (process-wide; call under the lock).
    static func install() {
        _ = agseterrf { message in
            if let message {
                GraphvizMessages.append(String(cString: message))
            }
            return 0
        }
    }

    /// Forgets earlier messages (call under the lock before an operation).
    static func reset() {
        buffer = ""
    }

    /// The messages since the last reset, as one trimmed line (`Error: renderer for x is unavailable`).
    static func take() -> String {
        let text = LabelText.singleLine(buffer)
        buffer = ""
        return text
    }

    private static func append(_ text: String) {
        // Graphviz emits "Error", ": ", "message\n" as separate pieces; keep the total bounded.
        if buffer.utf8.count < 4096 { buffer += text }
    }
}
