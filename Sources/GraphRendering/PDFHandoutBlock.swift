/// A block of text on a handout page: a title, heading, paragraph or small print, optionally boxed in the colour of
/// its layer (case facts, model claims, ontology facts) with the layer's tag in the corner.
public struct PDFHandoutBlock: Sendable, Equatable {
    /// Type size and weight.
    public enum Style: Sendable, Equatable {
        /// The page title (large, bold).
        case title
        /// A section heading (bold).
        case heading
        /// Body text.
        case body
        /// Small print (evidence lines, metadata).
        case small
    }

    /// Which kind of statement the block holds; non-`plain` blocks are boxed and tagged.
    public enum Layer: String, Sendable, Equatable, CaseIterable {
        /// No box.
        case plain
        /// What the case file says (vignette, question, reference answer): a neutral box.
        case caseFact = "case"
        /// What the model wrote: an amber box tagged "model claim".
        case modelClaim = "model claim"
        /// What the loaded ontology says: a blue box tagged "ontology".
        case ontologyFact = "ontology"
    }

    /// The style of the text.
    public var style: Style
    /// An optional bold first line inside the block.
    public var heading: String?
    /// The text; `\n` starts a new paragraph. Lines starting with `• ` are indented as bullets.
    public var text: String
    /// The layer (box colour and tag).
    public var layer: Layer
    /// The tag printed (in capitals) at the top of a boxed block; nil prints the layer's name (`model claim`).
    public var tag: String?

    /// Creates a block.
    public init(style: Style = .body, heading: String? = nil, text: String, layer: Layer = .plain, tag: String? = nil) {
        self.style = style
        self.heading = heading
        self.text = text
        self.layer = layer
        self.tag = tag
    }
}
