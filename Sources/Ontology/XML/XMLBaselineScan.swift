/// A bare streaming pass over an XML file with the same secure reader the importers use, building nothing:
/// the in-process floor that the ontology load benchmark compares importers against.
public enum XMLBaselineScan {
    /// Reads every node of `path` and returns how many elements it has.
    public static func countElements(path: String) throws -> Int {
        let reader = try XMLStreamReader(path: path)
        var elements = 0
        while try reader.read() { if reader.kind == .element { elements += 1 } }
        return elements
    }
}
