/// Which tokens end generation and which are promoted to control tokens, found by their text.
/// Rules as llama.cpp's `llama_vocab::impl::load` (llama-vocab.cpp): end-of-turn texts, FIM pad/repo/file-separator
/// tokens, plus the eos/eot ids.
struct SpecialTokenRules {
    /// Texts of tokens that end generation (llama.cpp's EOG list).
    static let endOfGenerationTexts: [String] = [
        "<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>", "<|flush|>", "<|calls|>",
        "<end_of_turn>", "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>", "_<EOT>", "[EOT]", "[EOS]",
        "<|end_of_text|>", "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>",
        "<\u{FF5C}end\u{2581}of\u{2581}sentence\u{FF5C}>", "[e~[",
    ]
    /// Fill-in-the-middle tokens llama.cpp promotes to control; the pad, repo and separator ones also end generation.
    static let fimPrefixTexts = ["<|fim_prefix|>", "<fim-prefix>", "<fim_prefix>", "<\u{FF5C}fim\u{2581}begin\u{FF5C}>",
                                 "<PRE>", "\u{2581}<PRE>", "<|code_prefix|>", "<|prefix|>"]
    static let fimSuffixTexts = ["<|fim_suffix|>", "<fim-suffix>", "<fim_suffix>", "<\u{FF5C}fim\u{2581}hole\u{FF5C}>",
                                 "<SUF>", "\u{2581}<SUF>", "<|code_suffix|>", "<|suffix|>"]
    static let fimMiddleTexts = ["<|fim_middle|>", "<fim-middle>", "<fim_middle>", "<\u{FF5C}fim\u{2581}end\u{FF5C}>",
                                 "<MID>", "\u{2581}<MID>", "<|code_middle|>", "<|middle|>"]
    static let fimPadTexts = ["<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>", "[PAD]"]
    static let fimRepoTexts = ["<|fim_repo|>", "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>"]
    static let fimSeparatorTexts = ["<|file_sep|>"]
    static let endOfMessageTexts = ["<|eom_id|>"]

    /// Tokens treated as control whatever their stored type.
    private(set) var forcedControl: Set<Int> = []
    /// Tokens that end generation.
    private(set) var endOfGeneration: Set<Int> = []

    /// The rules applied to the tokens `index` finds by text, with the vocabulary's eos and eot ids.
    init(index: TokenTextIndex, eos: Int?, eot: Int?) {
        for group in [Self.fimPrefixTexts, Self.fimSuffixTexts, Self.fimMiddleTexts] {
            if let id = Self.first(group, in: index) { forcedControl.insert(id) }
        }
        for group in [Self.fimPadTexts, Self.fimRepoTexts, Self.fimSeparatorTexts, Self.endOfMessageTexts] {
            if let id = Self.first(group, in: index) {
                forcedControl.insert(id)
                endOfGeneration.insert(id)
            }
        }
        for text in Self.endOfGenerationTexts {
            if let id = index.id(of: text) {
                forcedControl.insert(id)
                endOfGeneration.insert(id)
            }
        }
        // Every end-of-turn text llama.cpp might pick as eot is in the list above; an explicit eot id ends too.
        if let eot { endOfGeneration.insert(eot) }
        if let eos { endOfGeneration.insert(eos) }
        // llama.cpp's workarounds: `<|end|>` is not an end when `<|return|>`+`<|call|>` (or `<|calls|>`+`<|flush|>`)
        // exist, and `</s>` is a normal token when `<|tool_response>` or `<|plamo:eos|>` ends generation.
        let ends = endOfGeneration
        let has = { (text: String) in index.id(of: text).map { ends.contains($0) } ?? false }
        if let end = index.id(of: "<|end|>"), has("<|end|>"),
           (has("<|return|>") && has("<|call|>")) || (has("<|calls|>") && has("<|flush|>")) {
            endOfGeneration.remove(end)
            forcedControl.remove(end)
        }
        if let closing = index.id(of: "</s>"), has("<|tool_response>") || has("<|plamo:eos|>"), closing != eos {
            endOfGeneration.remove(closing)
            forcedControl.remove(closing)
        }
    }

    /// The id of the first text of `group` present (llama.cpp takes one token per FIM role).
    private static func first(_ group: [String], in index: TokenTextIndex) -> Int? {
        group.lazy.compactMap { index.id(of: $0) }.first
    }
}
