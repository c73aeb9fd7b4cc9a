import Foundation

/// Where ddx finds ontologies when `--ontology` is not given: the shipped `Ontologies/` folder and the local
/// vocabulary folder that `scripts/setup --vocabularies` fills.
public enum OntologyLocator {
    /// The shipped ontology folder: `$DDX_ONTOLOGY_DIR`, else an `Ontologies/` folder holding `ddx-core.xml`
    /// found from the working directory or the executable's location upwards.
    public static func shippedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["DDX_ONTOLOGY_DIR"], !dir.isEmpty { return dir }
        return ResourceDirectory.find("Ontologies", containing: "ddx-core.xml")
    }

    /// The local vocabulary folder: `$DDX_VOCABULARY_DIR`, else `$XDG_DATA_HOME/ddx/vocabularies`, else
    /// `~/.local/share/ddx/vocabularies`. It may not exist.
    public static func vocabularyDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["DDX_VOCABULARY_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/ddx/vocabularies" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/ddx/vocabularies"
    }

    /// The RELAX NG schema of ddx's ontology format, beside the shipped ontology.
    public static func schemaPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let dir = shippedDirectory(environment: environment) else { return nil }
        let path = dir + "/ddx-ontology.rng"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The default ontology paths: the shipped folder plus the vocabulary folder when it holds files.
    public static func defaultPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let shipped = shippedDirectory(environment: environment) { paths.append(shipped) }
        let vocabulary = vocabularyDirectory(environment: environment)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: vocabulary),
           names.contains(where: { !$0.hasPrefix(".") }) {
            paths.append(vocabulary)
        }
        return paths
    }
}
