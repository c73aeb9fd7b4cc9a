internal import CLibXML2

/// Facts about the libxml2 the process links, and its one-time initialisation.
public enum XMLLibrary {
    /// The libxml2 version ddx was compiled against, e.g. `2.9.14`.
    public static var compiledVersion: String { String(cString: clibxml2_dotted_version()) }

    /// The libxml2 version loaded at run time, e.g. `2.9.14` (from `xmlParserVersion`, `20914`).
    public static var runtimeVersion: String {
        guard let p = clibxml2_runtime_version() else { return "unknown" }
        let raw = String(cString: p)
        guard let n = Int(raw), n >= 10000 else { return raw }
        return "\(n / 10000).\(n / 100 % 100).\(n % 100)"
    }

    /// Initialises the parser once; required before libxml2 is used from several threads.
    public static func initialize() {
        xmlInitParser()
    }
}
