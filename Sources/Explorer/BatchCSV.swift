/// CSV writing for the batch tables (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote, CR or
/// LF quoted and its quotes doubled).
///
/// Text cells hold untrusted model text, so a text cell starting with `=`, `+`, `-`, `@`, tab or CR (which a
/// spreadsheet would run as a formula) gets a leading `'`. Every file starts with one `#` comment line carrying
/// the disclaimer; skip it when loading (`pandas.read_csv(path, skiprows=1)`).
public enum BatchCSV {
    /// A field quoted when it needs to be.
    public static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(value.utf8.count + 8)
        for b in value.utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// A text cell: formula-safe, then quoted when needed.
    public static func text(_ value: String?) -> String {
        guard let value, let first = value.utf8.first else { return "" }
        let risky = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
        return field(risky ? "'" + value : value)
    }

    /// One record line (CRLF included).
    public static func row(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// The first line of every batch CSV.
    public static var commentLine: String {
        // Quotes become apostrophes, so even a reader that does not skip the line sees no malformed quoting.
        "# " + BatchSummary.disclaimer.replacing("\"", with: "'") + "\r\n"
    }
}
