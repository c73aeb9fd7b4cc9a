import Foundation

/// Finds teaching cases: a path as given, or a name in the shipped `Cases/` folder (`cough` → `Cases/cough.yaml`).
public enum CaseLibrary {
    /// The shipped `Cases/` folder (or `$DDX_CASES_DIR`), when found.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["DDX_CASES_DIR"], !dir.isEmpty { return dir }
        return ResourceDirectory.find("Cases", containing: "README.md")
    }

    /// Case files in `directory` (`.yaml`, `.yml`, `.json`), sorted by name.
    public static func list(directory: String? = nil) -> [String] {
        guard let dir = directory ?? defaultDirectory(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { n in [".yaml", ".yml", ".json"].contains { n.lowercased().hasSuffix($0) } }
            .sorted().map { dir + "/" + $0 }
    }

    /// Resolves `reference` (a file path, or a case name in `Cases/`) and loads it.
    public static func load(_ reference: String, directory: String? = nil) throws -> MedicalCase {
        if FileManager.default.fileExists(atPath: reference) { return try MedicalCase.load(path: reference) }
        let looksLikePath = reference.contains("/") || reference.contains(".")
        if !looksLikePath, let dir = directory ?? defaultDirectory() {
            for ext in ["yaml", "yml", "json"] {
                let path = "\(dir)/\(reference).\(ext)"
                if FileManager.default.fileExists(atPath: path) { return try MedicalCase.load(path: path) }
            }
            let known = list(directory: dir).map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
            throw InputError("\(reference): no such case file or case name (shipped cases: \(known.joined(separator: ", ")))")
        }
        throw InputError("\(reference): no such case file")
    }
}
