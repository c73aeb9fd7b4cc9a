import Foundation
import Synchronization
import TestSupport
import Testing
import Tokenization

@Suite("Chat template errors and limits")
struct ChatTemplateErrorTests {
    private func renderError(_ source: String, limits: ChatTemplateLimits = ChatTemplateLimits(),
                             context: [String: TemplateValue] = [:]) -> ChatTemplateError? {
        do {
            let template = try ChatTemplate(source: source, limits: limits)
            _ = try template.render(context: context)
            return nil
        } catch let error as ChatTemplateError {
            return error
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }

    @Test func unsupportedFilterNamesFilterAndLine() {
        let error = renderError("a\nb\n{{ text|wordwrap(10) }}", context: ["text": "x"])
        #expect(error?.description == "chat template line 3: unsupported filter 'wordwrap'")
        #expect(error?.kind == .unsupported)
    }

    @Test func unknownFilterIsReportedOnlyWhenReached() throws {
        let template = try ChatTemplate(source: "{% if false %}{{ x|nosuch }}{% endif %}ok")
        #expect(try template.render(context: [:]) == "ok")
        #expect(renderError("\n{{ 1|nosuch }}")?.description
            == "chat template line 2: unsupported filter 'nosuch' (no such jinja2 filter)")
    }

    @Test func unsupportedTagFailsAtParse() {
        #expect(throws: ChatTemplateError(.unsupported, line: 2, "unsupported tag 'include'")) {
            try ChatTemplate(source: "x\n{% include 'other.jinja' %}")
        }
        #expect(throws: ChatTemplateError(.unsupported, line: 1, "unsupported recursive for loop")) {
            try ChatTemplate(source: "{% for x in xs recursive %}{{ loop(x) }}{% endfor %}")
        }
    }

    @Test func syntaxErrorsCarryTheirLine() {
        #expect(throws: ChatTemplateError(.syntax, line: 3,
                                          "unexpected end of template, expected 'elif' or 'else' or 'endif' to close 'if' from line 2")) {
            try ChatTemplate(source: "line one\n{% if true %}\nbody")
        }
        #expect(throws: ChatTemplateError(.syntax, line: 2, "unexpected tag 'endfor'")) {
            try ChatTemplate(source: "ok\n{% endfor %}")
        }
        #expect(throws: ChatTemplateError(.syntax, line: 1, "unknown tag 'frobnicate'")) {
            try ChatTemplate(source: "{% frobnicate %}")
        }
        #expect(throws: ChatTemplateError(.syntax, line: 4, "unexpected ']', expected ')'")) {
            try ChatTemplate(source: "\n\n\n{{ (1] }}")
        }
        #expect(throws: ChatTemplateError(.syntax, line: 1, "Missing end of comment tag")) {
            try ChatTemplate(source: "{# never closed")
        }
        #expect(throws: ChatTemplateError(.syntax, line: 2, "'break' outside of a loop")) {
            try ChatTemplate(source: "\n{% break %}")
        }
    }

    @Test func raiseExceptionThrowsTheTemplatesMessage() {
        let source = """
        {%- for message in messages %}
            {%- if message.role == 'tool' %}
                {{- raise_exception('Tool messages are not supported: ' ~ message.content) }}
            {%- endif %}
        {%- endfor %}
        """
        let error = renderError(source, context: ["messages": [["role": "tool", "content": "42"]]])
        #expect(error == ChatTemplateError(.raised, line: 3, "Tool messages are not supported: 42"))
        #expect(error?.description == "chat template line 3: Tool messages are not supported: 42")
    }

    @Test func undefinedMisuseFailsLikeJinja() {
        #expect(renderError("{{ messages[0].role }}", context: ["messages": []])
            == ChatTemplateError(.runtime, line: 1, "list object has no element 0"))
        #expect(renderError("{{ message.content.strip() }}", context: ["message": ["role": "user"]])
            == ChatTemplateError(.runtime, line: 1, "'dict object' has no attribute 'content'"))
        #expect(renderError("{{ nothing.attribute }}")?.message == "'nothing' is undefined")
        #expect(renderError("{{ nothing() }}")?.message == "'nothing' is undefined")
        #expect(renderError("{{ nothing + 1 }}")?.message == "'nothing' is undefined")
        #expect(renderError("{{ nothing|tojson }}")?.message == "Object of type Undefined is not JSON serializable")
    }

    @Test func unsupportedMethodIsNamed() {
        #expect(renderError("{{ 'a'.zfill(3) }}") == ChatTemplateError(.unsupported, line: 1, "unsupported method 'str.zfill'"))
        #expect(renderError("{{ '%s'|format(1) }}")?.description == "chat template line 1: unsupported filter 'format'")
        #expect(renderError("{{ '%d' % 3 }}")?.kind == .unsupported)
        #expect(renderError("{{ cycler(1, 2) }}")?.message == "unsupported function 'cycler'")
        #expect(renderError("{{ [].append(1) }}")?.message == "access to attribute 'append' of 'list' object is unsafe.")
    }

    @Test func outputSizeIsBounded() {
        let limits = ChatTemplateLimits(maxOutputBytes: 1_000)
        #expect(renderError("{% for i in range(1000) %}{{ 'xxxxxxxxxx' }}{% endfor %}", limits: limits)?.kind == .limit)
        #expect(renderError("{{ 'x' * 100000 }}", limits: limits)?.kind == .limit)
        #expect(renderError("{{ 'x' * 9223372036854775807 }}")?.kind == .limit)
        #expect(renderError("{{ [1] * 9223372036854775807 }}")?.kind == .limit)
    }

    @Test func loopIterationsAreBounded() {
        let limits = ChatTemplateLimits(maxLoopIterations: 10_000)
        let error = renderError("{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}", limits: limits)
        #expect(error?.kind == .limit)
        #expect(renderError("{{ range(1000000)|length }}")?.message
            == "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).")
    }

    @Test func recursionIsBounded() {
        let error = renderError("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")
        #expect(error?.kind == .limit)
        #expect(error?.message == "macro calls nested deeper than 64 levels")
    }

    @Test func nestingIsBoundedAtParse() {
        let parens = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(renderError("{{ \(parens) }}")?.kind == .limit)
        let ifs = String(repeating: "{% if true %}", count: 300) + String(repeating: "{% endif %}", count: 300)
        #expect(renderError(ifs)?.kind == .limit)
        let chain = "{{ " + Array(repeating: "1", count: 400).joined(separator: " + ") + " }}"
        #expect(renderError(chain)?.kind == .limit)
        let negations = "{{ " + String(repeating: "not ", count: 500) + "1 }}"
        #expect(renderError(negations)?.kind == .limit)
    }

    /// The deepest templates the limits admit render within a 512 KiB thread stack (the size of secondary
    /// threads on several platforms); sanitizer builds get their larger frames' worth.
    @Test func limitsKeepStackUseSmall() {
        let depth = 63
        let nested = String(repeating: "{% if true %}", count: depth) + "x" + String(repeating: "{% endif %}", count: depth)
        let parens = "{{ " + String(repeating: "(", count: depth - 2) + "1" + String(repeating: ")", count: depth - 2) + " }}"
        let recursion = "{% macro f(n) %}{% if n < 64 %}{{ f(n + 1) }}{% else %}{{ n }}{% endif %}{% endmacro %}{{ f(1) }}"
        let results = Mutex<[String]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for source in [nested, parens, recursion] {
                let outcome = (try? ChatTemplate(source: source).render(context: [:])) ?? "error"
                results.withLock { $0.append(outcome) }
            }
            done.signal()
        }
        thread.stackSize = (512 << 10) * Sanitizer.stackFactor
        thread.start()
        done.wait()
        #expect(results.withLock { $0 } == ["x", "1", "64"])
    }

    @Test func selfReferenceDoesNotRecurseForever() {
        #expect(renderError("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns }}")?.kind == .limit)
        #expect(renderError("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns|tojson }}")?.kind == .runtime)
    }

    @Test func integerOverflowIsAnErrorNotACrash() {
        #expect(renderError("{{ 9223372036854775807 + 1 }}")?.kind == .unsupported)
        #expect(renderError("{{ 2 ** 64 }}")?.kind == .unsupported)
        #expect(renderError("{{ -(-9223372036854775807 - 1) }}")?.kind == .unsupported)
        #expect(renderError("{{ 99999999999999999999 }}")?.kind == .unsupported)
    }

    /// Every truncation and many random mutations of the real templates either parse and render or throw a
    /// ChatTemplateError: no crash, no hang.
    @Test func malformedTemplatesNeverCrash() throws {
        var generator = ChatTemplateMutationRNG(seed: 0x5EED)
        let alphabet = Array("{}%#-+()[]'\"|.~ =!\nabcdefgiflnorst0123456789")
        let context: [String: TemplateValue] = [
            "messages": [["role": "system", "content": "s"], ["role": "user", "content": "u"], ["role": "assistant", "content": "a"]],
            "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>",
        ]
        var outcomes = (rendered: 0, failed: 0)
        for name in ChatTemplateGoldenTests.templates {
            let source = Array(try ChatTemplateFixtureSupport.text("templates/\(name).jinja"))
            var variants: [String] = stride(from: 0, to: source.count, by: 7).map { String(source[..<$0]) }
            for _ in 0..<400 {
                var mutated = source
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    let position = Int(generator.next() % UInt64(mutated.count))
                    switch generator.next() % 3 {
                    case 0: mutated.remove(at: position)
                    case 1: mutated.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                    default: mutated[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                    }
                }
                variants.append(String(mutated))
            }
            for variant in variants {
                do {
                    let template = try ChatTemplate(source: variant, limits: ChatTemplateLimits(maxOutputBytes: 1 << 20))
                    _ = try template.render(context: context)
                    outcomes.rendered += 1
                } catch is ChatTemplateError {
                    outcomes.failed += 1
                }
            }
        }
        #expect(outcomes.rendered > 100)
        #expect(outcomes.failed > 100)
    }
}

/// A small deterministic generator for the mutation test.
struct ChatTemplateMutationRNG {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
