import ReasoningPaths

/// A printable, multi-page handout: pages of text blocks, some with the path graph drawn on them (the graph is laid
/// out by Graphviz and drawn as vectors onto the same PDF). Every physical page carries `footer` and its page number.
/// All text is untrusted model or case text: the writer draws it literally (control characters removed), so nothing
/// in it can change the document's structure.
///
/// ```swift
/// let handout = PDFHandout(title: "Walkthrough: cough", footer: "Model-generated text, not clinical advice",
///                          pages: [PDFHandoutPage(blocks: [PDFHandoutBlock(style: .title, text: "Cough")])],
///                          graph: graph, annotations: DiagramAnnotations(inputSHA256: digest))
/// let bytes = try PDFHandoutWriter().write(handout)
/// ```
public struct PDFHandout: Sendable, Equatable {
    /// The document title (PDF metadata).
    public var title: String
    /// The document subject (PDF metadata), if any.
    public var subject: String?
    /// The producing program (PDF metadata creator), e.g. `ddx 0.9.0`.
    public var creator: String?
    /// Printed at the foot of every physical page, before `page N of M`.
    public var footer: String
    /// The logical pages, in order; a logical page longer than one sheet continues on the next.
    public var pages: [PDFHandoutPage]
    /// The graph drawn on pages with a `graph` focus.
    public var graph: ReasoningGraph?
    /// Grounding (node fills, hop styles) for the drawn graph.
    public var annotations: DiagramAnnotations

    /// Creates a handout.
    public init(title: String, subject: String? = nil, creator: String? = nil, footer: String,
                pages: [PDFHandoutPage], graph: ReasoningGraph? = nil, annotations: DiagramAnnotations) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.footer = footer
        self.pages = pages
        self.graph = graph
        self.annotations = annotations
    }
}
