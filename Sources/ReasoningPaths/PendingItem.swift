/// A path item being read: its first line plus continuation lines.
struct PendingItem {
    var number: Int?
    var line: Int
    var indent: Int
    /// The first line's content (after the number).
    var text: Range<Int>
    /// Continuation lines (trimmed).
    var continuation: [Range<Int>]
    var blankSeen: Bool
    var bytes: Int
    var cut: Bool
    /// The first line held only a label (`**Path 1**:`), so the path follows on the next line.
    var awaitsBody: Bool
}
