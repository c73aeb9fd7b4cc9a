/// The UTF-8 bytes of an XML document being written: markup appended as is, text escaped on the way in.
struct XMLOutputBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends markup (or text known to need no escaping) unchanged.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends text escaped for element content or a double-quoted attribute value.
    mutating func text(_ text: String) {
        XMLEscaping.append(text, to: &bytes)
    }

    /// Appends ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        raw(" "); raw(name); raw("=\""); text(value); raw("\"")
    }

    /// Appends `<name>text</name>` on a line of its own at the given indent, the text escaped.
    mutating func element(_ name: String, _ content: String, indent: String = "    ") {
        raw(indent); raw("<"); raw(name); raw(">"); text(content); raw("</"); raw(name); raw(">\n")
    }

    /// Appends another buffer's bytes.
    mutating func append(_ other: XMLOutputBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// The document as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
