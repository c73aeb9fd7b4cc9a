/// What one line (or tag-free segment of a line) is, structurally.
enum LineClass {
    /// Only white space.
    case blank
    /// `---`, `***`, `___` or a lone `###`: ends the current sub-section.
    case separator
    /// A recognised section header; `remainder` is inline content after the header (`Conclusion: X` → `X`).
    case header(kind: ReasoningSection.Kind, title: String, remainder: Range<Int>?)
    /// A Markdown heading that names no known section (`### Verification`).
    case otherHeading(title: String)
    /// Anything else.
    case text
}
