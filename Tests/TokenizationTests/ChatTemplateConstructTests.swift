import Foundation
import Testing
import Tokenization

/// One construct case from `ChatTemplateFixtures/constructs.json`: a template, its variables, and what jinja2
/// (with transformers' settings, via `scripts/dev/render-chat-template.py --cases`) made of it.
struct ChatTemplateConstructCase: Sendable, CustomTestStringConvertible {
    let name: String
    let template: String
    let context: [String: TemplateValue]
    let expected: String?
    /// jinja2's exception, `Type: message`, when it refused the template.
    let error: String?

    var testDescription: String { name }

    /// The cases of `constructs.json`, plus those of the file named by `DDX_CHAT_TEMPLATE_EXTRA_CASES` (a dev hook
    /// for differential runs against jinja2 on generated cases).
    static let all: [ChatTemplateConstructCase] = {
        var items: [TemplateValue] = []
        if case .array(let fixture)? = try? ChatTemplateFixtureSupport.json("constructs.json") { items = fixture }
        if let extra = ProcessInfo.processInfo.environment["DDX_CHAT_TEMPLATE_EXTRA_CASES"],
           let text = try? String(contentsOfFile: extra, encoding: .utf8),
           case .array(let extraItems)? = try? TemplateValue(json: text) {
            items += extraItems
        }
        return items.compactMap { item in
            guard case .string(let name)? = item["name"], case .string(let template)? = item["template"] else { return nil }
            var context: [String: TemplateValue] = [:]
            if case .object(let object)? = item["context"] {
                for (key, value) in object.entries { context[key] = value }
            }
            return ChatTemplateConstructCase(name: name, template: template, context: context,
                                             expected: item["expected"]?.stringValue, error: item["error"]?.stringValue)
        }
    }()
}

@Suite("Chat template constructs against jinja2")
struct ChatTemplateConstructTests {
    @Test func casesLoaded() {
        #expect(ChatTemplateConstructCase.all.count >= 150)
    }

    @Test(arguments: ChatTemplateConstructCase.all)
    func construct(_ testCase: ChatTemplateConstructCase) throws {
        let result: Result<String, ChatTemplateError>
        do {
            let template = try ChatTemplateFixtureSupport.template(testCase.template)
            result = .success(try template.render(context: testCase.context))
        } catch let error as ChatTemplateError {
            result = .failure(error)
        }
        switch (result, testCase.expected) {
        case (.success(let output), let expected?):
            #expect(output == expected)
        case (.failure(let error), let expected?):
            Issue.record("jinja2 renders \(expected.debugDescription) but this renderer failed: \(error)")
        case (.success(let output), nil):
            Issue.record("jinja2 fails (\(testCase.error ?? "")) but this renderer rendered \(output.debugDescription)")
        case (.failure(let error), nil):
            // jinja2's own message where the failure is the template's or an undefined value's.
            if let jinja = testCase.error, jinja.hasPrefix("TemplateError: ") || jinja.hasPrefix("UndefinedError: ") {
                #expect(error.message == String(jinja.drop(while: { $0 != ":" }).dropFirst(2)))
            }
        }
    }
}
