/// An incremental update (ISO 32000-1 §7.5.6) of a PDF with a classic cross-reference table, as cairo writes it: a
/// new document information dictionary that keeps the old entries and adds one, a one-entry `xref` section, and a
/// trailer pointing back at the previous one. Nothing before the end of the file changes.
struct PDFInfoUpdate {
    /// The trailer's `/Size` (the next free object number).
    let size: Int
    /// The `/Root` reference (`3 0 R`).
    let root: String
    /// The previous cross-reference section's offset.
    let previousXref: Int
    /// The entries of the old information dictionary (without `<<` `>>`), or empty.
    let oldInfoEntries: String

    /// Reads what the update needs from the end of `pdf`; nil when the file does not look like that.
    init?(_ pdf: [UInt8]) {
        guard pdf.starts(with: Array("%PDF-".utf8)) else { return nil }
        let tail = String(decoding: pdf.suffix(4096), as: UTF8.self)
        guard let startxref = tail.ranges(of: "startxref").last,
              let trailer = tail[..<startxref.lowerBound].ranges(of: "trailer").last else { return nil }
        let dictionary = String(tail[trailer.upperBound..<startxref.lowerBound])
        guard let xref = tail[startxref.upperBound...].firstMatch(of: /\s*(\d+)/).flatMap({ Int($0.1) }),
              let size = dictionary.firstMatch(of: /\/Size\s+(\d+)/).flatMap({ Int($0.1) }),
              let root = dictionary.firstMatch(of: /\/Root\s+(\d+\s+\d+\s+R)/).map({ String($0.1) }) else { return nil }
        self.size = size
        self.root = root
        self.previousXref = xref
        var entries = ""
        if let info = dictionary.firstMatch(of: /\/Info\s+(\d+)\s+(\d+)\s+R/),
           let start = RunMetadataEmbedding.find(Array("\n\(info.1) \(info.2) obj".utf8), in: pdf, from: 0) {
            let text = String(decoding: pdf[start..<min(pdf.count, start + 4096)], as: UTF8.self)
            if let end = text.firstRange(of: "endobj"), let open = text.firstRange(of: "<<"),
               let close = text[..<end.lowerBound].ranges(of: ">>").last, open.upperBound <= close.lowerBound {
                entries = String(text[open.upperBound..<close.lowerBound]).trimmingWhitespace()
            }
        }
        self.oldInfoEntries = entries
    }

    /// The bytes to append to a file of `fileLength` bytes: the new information dictionary with `/key` set to `value`
    /// (a UTF-16BE hex string, so no character of `value` needs escaping), its `xref` section and trailer.
    func appendix(adding key: String, value: String, at fileLength: Int) -> [UInt8] {
        let hex = "FEFF" + value.utf16.map { unit in
            let digits = Array("0123456789ABCDEF")
            return String([digits[Int(unit >> 12)], digits[Int((unit >> 8) & 0xF)], digits[Int((unit >> 4) & 0xF)],
                           digits[Int(unit & 0xF)]])
        }.joined()
        let object = size
        let prefix = "\n"
        let body = "\(object) 0 obj\n<< \(oldInfoEntries.isEmpty ? "" : oldInfoEntries + " ")/\(key) <\(hex)> >>\nendobj\n"
        let objectOffset = fileLength + prefix.utf8.count
        let xrefOffset = objectOffset + body.utf8.count
        let offsetText = String(objectOffset)
        let entry = String(repeating: "0", count: max(0, 10 - offsetText.count)) + offsetText + " 00000 n \n"
        let xref = "xref\n\(object) 1\n\(entry)trailer\n<< /Size \(object + 1) /Root \(root) /Info \(object) 0 R /Prev \(previousXref) >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return Array((prefix + body + xref).utf8)
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
