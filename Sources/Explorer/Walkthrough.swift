/// A step-by-step teaching walkthrough of one explored text: the case, each reasoning path hop by hop (with what the
/// ontology says and what the model wrote about it), the model's conclusion, and the reference answer. Built by
/// `WalkthroughBuilder`; exported as HTML, SVG frames and a PDF handout by `WalkthroughExporter`.
public struct Walkthrough: Sendable {
    /// Whether the model's final answer names the reference option (cases with lettered options only).
    public struct OptionCheck: Sendable, Equatable {
        /// The reference option's letter (from the start of the case's answer, `B. …`), when the answer starts with one.
        public var referenceLetter: String?
        /// The reference option's text.
        public var referenceText: String?
        /// The letter the model's final answer names (`B`, `Answer: B`, `the answer is (B)`), if any.
        public var modelLetter: String?
        /// Whether the final answer agrees with the reference (letter, or the option's text and no other option's).
        public var agrees: Bool
        /// One sentence saying so.
        public var summary: String
    }

    /// The case's file name without extension, or `question` when there is no case.
    public var caseID: String
    public var title: String
    public var vignette: String
    public var question: String
    public var options: [MedicalCase.Option]
    /// The case's reference answer and teaching points (empty when there is no case).
    public var referenceAnswer: String
    public var teachingPoints: [String]
    public var caseSource: String?
    /// The option check, when the case has options.
    public var optionCheck: OptionCheck?
    /// The model's `Conclusion:` text and final answer, when it wrote them.
    public var conclusion: String?
    public var finalAnswer: String?
    /// The steps in order; numbers are 1-based positions.
    public var steps: [WalkthroughStep]
    /// Paths with hops not shown (beyond the builder's limit).
    public var omittedPaths: Int
    /// Number of reasoning paths in the text.
    public var pathCount: Int
    /// The exploration it was built from (analysis, graph, grounding, metadata).
    public var exploration: Exploration

    /// The first step of each section (1–4) that has steps.
    public var sectionStarts: [Int: Int] {
        var starts: [Int: Int] = [:]
        for step in steps where starts[step.kind.section] == nil { starts[step.kind.section] = step.number }
        return starts
    }

    /// How the model's reasoning is matched to each hop (shown in every walkthrough).
    public static let matchingNote = "The model's reasoning for a hop is the sentences of its Reasoning Process (or Thinking) prose that name either end: the node's label, the examples in its parentheses or its linked concept's label, compared after lower-casing and removing accents, punctuation and plural -s; a label of two to four words also matches when all its words occur. Sentences naming both ends come first."
}
