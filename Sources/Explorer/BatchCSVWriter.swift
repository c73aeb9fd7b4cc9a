/// Builds a CSV file in a byte buffer, cell by cell, with `BatchCSV`'s rules (RFC 4180 quoting, formula-like text
/// cells defused, CRLF line ends) — the hop table of a large run has hundreds of thousands of rows.
struct BatchCSVWriter {
    private(set) var bytes: [UInt8] = []
    private var rowStarted = false

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: BatchCSV.commentLine.utf8)
    }

    private mutating func separator() {
        if rowStarted { bytes.append(0x2C) } else { rowStarted = true }
    }

    /// A cell ddx produced itself (numbers, verdict names): written as is.
    mutating func plain(_ value: String) {
        separator()
        bytes.append(contentsOf: value.utf8)
    }

    mutating func int(_ value: Int?) {
        separator()
        if let value { bytes.append(contentsOf: String(value).utf8) }
    }

    /// An untrusted text cell (`BatchCSV.text`).
    mutating func text(_ value: String?) {
        separator()
        guard var value, let first = value.utf8.first else { return }
        let risky = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
        value.withUTF8 { utf8 in
            let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quote { bytes.append(0x22) }
            if risky { bytes.append(0x27) }
            if quote {
                for b in utf8 {
                    bytes.append(b)
                    if b == 0x22 { bytes.append(0x22) }
                }
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        rowStarted = false
    }

    /// A header row of ddx's own column names.
    mutating func header(_ columns: [String]) {
        for c in columns { plain(c) }
        endRow()
    }
}
