import Explorer
import Testing

@Suite("Batch answer agreement")
struct BatchAnswerMatchTests {
    let options = [BatchOption(letter: "A", text: "Asthma"), BatchOption(letter: "B", text: "Pneumonia"),
                   BatchOption(letter: "C", text: "Type 2 diabetes"), BatchOption(letter: "D", text: "Diabetes")]

    @Test("normalisation ignores case, punctuation and spacing")
    func normalize() {
        #expect(BatchAnswerMatch.normalize("  **Nifedipine.**  ") == "nifedipine")
        #expect(BatchAnswerMatch.normalize("Type-2  diabetes (T2DM)") == "type 2 diabetes t2dm")
    }

    @Test("the letter an answer names", arguments: [
        ("B", "B"), ("B. Pneumonia", "B"), ("(C) Type 2 diabetes", "C"), ("**A.** Asthma", "A"),
        ("The correct answer is **B. Pneumonia**.", "B"), ("Answer: D", "D"), ("I would pick option C here.", "C"),
        ("The answer is (A).", "A"),
    ])
    func chosen(answer: String, letter: String) {
        #expect(BatchAnswerMatch.chosenLetter(in: answer) == letter)
    }

    @Test("no letter is read from ordinary words", arguments: [
        "A calcium channel blocker is best.", "The answer is Amlodipine.", "Pneumonia is most likely.",
    ])
    func notChosen(answer: String) {
        #expect(BatchAnswerMatch.chosenLetter(in: answer) == nil)
    }

    @Test("a gold letter matches a named letter, or else the option's text alone")
    func goldLetter() {
        #expect(BatchAnswerMatch.agrees(answer: "The answer is B. Pneumonia.", gold: "B", options: options))
        #expect(!BatchAnswerMatch.agrees(answer: "The answer is A.", gold: "B", options: options))
        #expect(BatchAnswerMatch.agrees(answer: "This is pneumonia.", gold: "(B)", options: options))
        #expect(!BatchAnswerMatch.agrees(answer: "Pneumonia or asthma.", gold: "B", options: options))
        // Without options, the text after the gold letter is used.
        #expect(BatchAnswerMatch.agrees(answer: "Likely pneumonia.", gold: "B. Pneumonia", options: []))
        #expect(!BatchAnswerMatch.agrees(answer: "Likely pneumonia.", gold: "B", options: []))
    }

    @Test("a gold text matches the named option's text, the whole answer, or whole words in it")
    func goldText() {
        #expect(BatchAnswerMatch.agrees(answer: "B", gold: "Pneumonia", options: options))
        #expect(!BatchAnswerMatch.agrees(answer: "A", gold: "Pneumonia", options: options))
        #expect(BatchAnswerMatch.agrees(answer: "nifedipine.", gold: "Nifedipine", options: []))
        #expect(BatchAnswerMatch.agrees(answer: "Nifedipine is the drug.", gold: "Nifedipine", options: []))
        #expect(!BatchAnswerMatch.agrees(answer: "Nifedipines are common.", gold: "Nifedipine", options: []))
        // "Diabetes" is part of the gold "Type 2 diabetes", so it does not count as another option.
        #expect(BatchAnswerMatch.agrees(answer: "It is type 2 diabetes.", gold: "Type 2 diabetes", options: options))
        #expect(!BatchAnswerMatch.agrees(answer: "Asthma, maybe pneumonia.", gold: "Pneumonia", options: options))
        #expect(!BatchAnswerMatch.agrees(answer: nil, gold: "Pneumonia", options: options))
        #expect(!BatchAnswerMatch.agrees(answer: "Pneumonia", gold: "  ", options: options))
    }

    @Test("options come from an object, an array or 'A. …' lines")
    func optionParsing() throws {
        let object = try BatchJSON.parse(Array(#"{"a": "Asthma", "B": "Pneumonia", "long": "x"}"#.utf8))
        #expect(BatchOption.parse(object) == [BatchOption(letter: "A", text: "Asthma"), BatchOption(letter: "B", text: "Pneumonia")])
        let array = try BatchJSON.parse(Array(#"["x", "y"]"#.utf8))
        #expect(BatchOption.parse(array).map(\.letter) == ["A", "B"])
        let lines = BatchJSON.string("Answer Choices:\nA. Asthma\nB) Pneumonia\n(C) Flu")
        #expect(BatchOption.parse(lines) == [BatchOption(letter: "A", text: "Asthma"), BatchOption(letter: "B", text: "Pneumonia"),
                                            BatchOption(letter: "C", text: "Flu")])
        #expect(BatchOption.parse(nil).isEmpty)
    }
}
