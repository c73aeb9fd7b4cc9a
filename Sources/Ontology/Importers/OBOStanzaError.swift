/// A malformed tag value in an OBO stanza; the importer adds the file and line.
struct OBOStanzaError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
