import Foundation

/// A prompt template from `Templates/prompts/`: the system message and the optional assistant prefill.
public struct PromptTemplate: Sendable, Equatable {
    public let name: String
    /// The system message; empty means none (the model's chat template may then insert its default).
    public let system: String
    /// Text the assistant turn starts with when prefilling is asked for.
    public let prefill: String

    public init(name: String, system: String, prefill: String) {
        self.name = name
        self.system = system
        self.prefill = prefill
    }

    /// The shipped `Templates/prompts` folder, or `$DDX_TEMPLATES_DIR/prompts`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["DDX_TEMPLATES_DIR"], !dir.isEmpty { return dir + "/prompts" }
        return ResourceDirectory.find("Templates", containing: "prompts/medreason.system.txt").map { $0 + "/prompts" }
    }

    /// Loads `NAME.system.txt` and `NAME.prefill.txt` (either may be absent) from `directory`.
    public static func load(name: String, directory: String?) throws -> PromptTemplate {
        guard name.range(of: "^[A-Za-z0-9_-]+$", options: .regularExpression) != nil else {
            throw InputError("--template: '\(name)' is not a template name (letters, digits, - and _)")
        }
        guard let directory = directory ?? defaultDirectory() else {
            throw InputError("--template \(name): no Templates/prompts folder found; pass --templates DIR")
        }
        let systemPath = "\(directory)/\(name).system.txt", prefillPath = "\(directory)/\(name).prefill.txt"
        let fm = FileManager.default
        guard fm.fileExists(atPath: systemPath) || fm.fileExists(atPath: prefillPath) else {
            let known = ((try? fm.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".system.txt") }.map { String($0.dropLast(11)) }.sorted()
            throw InputError("--template: no template '\(name)' in \(directory) (available: \(known.joined(separator: ", ")))")
        }
        func read(_ path: String) throws -> String {
            guard fm.fileExists(atPath: path) else { return "" }
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw InputError("\(path): not readable as UTF-8 text")
            }
            return text
        }
        var system = try read(systemPath)
        while system.last?.isNewline == true { system.removeLast() }
        return PromptTemplate(name: name, system: system, prefill: try read(prefillPath))
    }
}
