/// The XML-like block tags MedVerse writes: `<Think>`, `<Plan>`, `<Outline>`, `<Execution>`, `<Step>`, `<Conclusion>`.
enum Tag: Hashable {
    case think, plan, outline, execution, step, conclusion

    var title: String {
        switch self {
        case .think: "Think"
        case .plan: "Plan"
        case .outline: "Outline"
        case .execution: "Execution"
        case .step: "Step"
        case .conclusion: "Conclusion"
        }
    }

    var sectionKind: ReasoningSection.Kind {
        switch self {
        case .think: .thinking
        case .plan, .outline: .plan
        case .execution, .step: .execution
        case .conclusion: .conclusion
        }
    }

    /// The tag starting at `i` (which holds '<'): (tag, is closing, byte length), or nil.
    static func match(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Tag, Bool, Int)? {
        var p = i + 1
        var closing = false
        if p < end, b[p] == ByteText.slash { closing = true; p += 1 }
        let nameStart = p
        while p < end, ByteText.isAlpha(b[p]), p - nameStart < 10 { p += 1 }
        guard p < end, b[p] == ByteText.gt, p > nameStart else { return nil }
        let tag: Tag
        switch p - nameStart {
        case 4 where ByteText.hasPrefixCaseInsensitive(b, at: nameStart, end: p, "plan"): tag = .plan
        case 4 where ByteText.hasPrefixCaseInsensitive(b, at: nameStart, end: p, "step"): tag = .step
        case 5 where ByteText.hasPrefixCaseInsensitive(b, at: nameStart, end: p, "think"): tag = .think
        case 7 where ByteText.hasPrefixCaseInsensitive(b, at: nameStart, end: p, "outline"): tag = .outline
        case 9 where ByteText.hasPrefixCaseInsensitive(b, at: nameStart, end: p, "execution"): tag = .execution
        case 10 where ByteText.hasPrefixCaseInsensitive(b, at: nameStart, end: p, "conclusion"): tag = .conclusion
        default: return nil
        }
        return (tag, closing, p + 1 - i)
    }
}
