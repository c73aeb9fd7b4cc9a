/// Turns a term or a mention into comparable keys: case, accents, punctuation, British/American spelling,
/// plurals (English, Latin and Greek), "NOS"-style qualifiers, split prefixes ("pre-auricular") and word order.
///
/// The same normalisation runs over ontology labels and over mentions, so aggressive folding is safe as long as
/// it is applied to both sides. A second, looser level (`root(_:)`, in TermNormalizer+Roots.swift) folds word
/// families and organ adjectives for the matcher's lower-scored tiers.
public enum TermNormalizer {
    /// Words that carry no meaning for matching.
    static let stopwords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "to", "for", "with", "by", "at", "from", "as", "or", "and",
        "nos", "nec", "unspecified", "other", "specified", "otherwise", "not", "type", "due", "is",
        "e", "g", "eg", "i", "ie", "etc", "s",
    ]

    /// Bound prefixes written both solid and hyphenated ("preauricular", "pre-auricular", "non hereditary"):
    /// joined to the following word so every spelling gives one token.
    static let joiningPrefixes: Set<String> = [
        "pre", "post", "non", "anti", "hyper", "hypo", "micro", "macro", "sub", "intra", "inter", "peri",
        "pseudo", "retro", "supra", "infra", "trans", "multi", "poly", "semi", "mono", "uni",
    ]

    /// Irregular plural and spelling forms that suffix rules do not cover.
    static let irregular: [String: String] = [
        "emboli": "embolus", "thrombi": "thrombus", "bacteria": "bacterium", "nuclei": "nucleus",
        "bronchi": "bronchus", "alveoli": "alveolus", "fungi": "fungus", "bacilli": "bacillus",
        "viruses": "virus", "feet": "foot", "teeth": "tooth", "children": "child", "women": "woman",
        "men": "man", "mice": "mouse", "diagnoses": "diagnosis", "varices": "varix", "appendices": "appendix",
        "apices": "apex", "stenoses": "stenosis", "metastases": "metastasis", "analyses": "analysis",
        "diverticula": "diverticulum", "septa": "septum", "foramina": "foramen", "ganglia": "ganglion",
        "phalanges": "phalanx", "criteria": "criterion", "phenomena": "phenomenon", "ova": "ovum",
        "centre": "center", "fibre": "fiber", "litre": "liter", "haemorrhage": "hemorrhage",
        "faeces": "feces", "faecal": "fecal", "aetiology": "etiology", "grey": "gray",
        "sulphate": "sulfate", "sulphur": "sulfur", "programme": "program", "mould": "mold",
        "tumours": "tumor", "tumour": "tumor", "tumors": "tumor", "labour": "labor", "behaviour": "behavior",
        "colour": "color", "paralyses": "paralysis", "oesophagus": "esophagus", "oedema": "edema",
        "diabetes": "diabetes", "measles": "measles", "mumps": "mumps", "herpes": "herpes", "rabies": "rabies",
        "scabies": "scabies", "rickets": "rickets", "shingles": "shingles", "lupus": "lupus",
        "pancreas": "pancreas", "uterus": "uterus", "virus": "virus", "sinus": "sinus", "fetus": "fetus",
        "status": "status", "plus": "plus", "bus": "bus", "stenosis": "stenosis",
        "multi": "multi", "anti": "anti", "semi": "semi", "mini": "mini",
    ]

    /// The normalised tokens of `text`, in their original order, stopwords removed.
    public static func tokens(_ text: String) -> [String] {
        words(text).map(canonicalWord)
    }

    /// The normalised key: tokens joined by spaces in their original order.
    public static func key(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    /// The word-order-free key: normalised tokens sorted and joined.
    public static func bagKey(_ text: String) -> String {
        tokens(text).sorted().joined(separator: " ")
    }

    /// Folded words before spelling and plural folding: stopwords dropped, bound prefixes joined to the next word.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(24)
        var pendingPrefix: String?      // a bound prefix waiting for its word
        func flush() {
            guard !current.isEmpty else { return }
            let kind = WordKind.of(current)
            let w = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if let prefix = pendingPrefix {
                pendingPrefix = nil
                if kind != .stopword, w.utf8.first.map({ $0 >= 0x61 }) == true {
                    result.append(prefix + w)
                    return
                }
                result.append(prefix)
            }
            switch kind {
            case .prefix: pendingPrefix = w
            case .stopword: break
            case .word: result.append(w)
            }
        }
        var text = text
        let ascii = text.withUTF8 { buffer -> Bool in
            guard !buffer.contains(where: { $0 >= 0x80 }) else { return false }
            for var b in buffer {
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { current.append(b) } else { flush() }
            }
            return true
        }
        if !ascii {
            for scalar in text.unicodeScalars {
                let folded = fold(scalar)
                if folded.isEmpty { flush() } else { current.append(contentsOf: folded) }
            }
        }
        flush()
        if let prefix = pendingPrefix { result.append(prefix) }
        return result
    }

    /// Stopword, bound prefix or ordinary word, decided on the folded bytes without building a string.
    enum WordKind {
        case stopword, prefix, word

        /// Stopwords and prefixes packed into integers (all are ASCII and at most 16 bytes), sorted.
        private static let table: [(key: Packed, kind: WordKind)] = (
            stopwords.map { (pack(Array($0.utf8))!, WordKind.stopword) }
                + joiningPrefixes.map { (pack(Array($0.utf8))!, WordKind.prefix) }
        ).sorted { $0.0 < $1.0 }

        struct Packed: Comparable {
            var high: UInt64, low: UInt64
            static func < (a: Packed, b: Packed) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
        }

        private static func pack(_ bytes: [UInt8]) -> Packed? {
            guard bytes.count <= 16 else { return nil }
            var p = Packed(high: 0, low: 0)
            for (i, b) in bytes.enumerated() {
                if i < 8 { p.high |= UInt64(b) << (56 - 8 * i) } else { p.low |= UInt64(b) << (56 - 8 * (i - 8)) }
            }
            return p
        }

        static func of(_ bytes: [UInt8]) -> WordKind {
            guard let key = pack(bytes) else { return .word }
            var lo = 0, hi = table.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if table[mid].key < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < table.count && table[lo].key == key ? table[lo].kind : .word
        }
    }

    /// Lower-cases ASCII, strips accents from Latin letters, keeps letters and digits; returns empty for separators.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let v = scalar.value
        if v < 0x80 {
            let b = UInt8(v)
            if b >= 0x41 && b <= 0x5A { return [b + 0x20] }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { return [b] }
            return []
        }
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return [0x61]
        case 0xC6, 0xE6: return [0x61, 0x65]            // æ → ae (then folded to e)
        case 0xC7, 0xE7: return [0x63]
        case 0xC8...0xCB, 0xE8...0xEB: return [0x65]
        case 0xCC...0xCF, 0xEC...0xEF: return [0x69]
        case 0xD1, 0xF1: return [0x6E]
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return [0x6F]
        case 0x152, 0x153: return [0x6F, 0x65]          // œ → oe
        case 0xD9...0xDC, 0xF9...0xFC: return [0x75]
        case 0xDD, 0xFD, 0xFF: return [0x79]
        case 0xDF: return [0x73, 0x73]
        case 0x3B1: return Array("alpha".utf8)
        case 0x3B2: return Array("beta".utf8)
        case 0x3B3: return Array("gamma".utf8)
        case 0x3B4: return Array("delta".utf8)
        case 0x3BA: return Array("kappa".utf8)
        default:
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                return Array(String(scalar).lowercased().utf8)
            }
            return []
        }
    }

    /// Spelling and number folding of one lower-case word: British → American, plural → singular.
    static func canonicalWord(_ word: String) -> String {
        if let mapped = irregular[word] { return mapped }
        var w = Array(word.utf8)
        if w.count <= 3 { return word }
        let original = w.count
        var changed = false
        // British digraphs: haem/anaem/ischaem/oedema/oesophag/paed/faec/foet/coeliac → e; dyspnoea, diarrhoea → ea.
        let folded = replaceInfix(replaceDigraphs(w), "oea", "ea")
        if folded.count != w.count { w = folded; changed = true }
        // -ise/-isation → -ize/-ization; -our → -or (tumour, behaviour, labour).
        changed = replaceSuffix(&w, "isation", "ization") || replaceSuffix(&w, "ising", "izing")
            || replaceSuffix(&w, "ised", "ized") || (w.count > 5 && replaceSuffix(&w, "ise", "ize"))
            || (w.count > 5 && replaceSuffix(&w, "our", "or")) || changed
        changed = singular(&w) || changed
        return changed || w.count != original ? String(decoding: w, as: UTF8.self) : word
    }

    private static func replaceDigraphs(_ w: [UInt8]) -> [UInt8] {
        guard w.count > 3 else { return w }
        var any = false
        for i in 0..<w.count - 1 where w[i + 1] == 0x65 && (w[i] == 0x61 || w[i] == 0x6F) { any = true; break }
        guard any else { return w }
        var out: [UInt8] = []
        out.reserveCapacity(w.count)
        var i = 0
        while i < w.count {
            let c = w[i]
            if i + 1 < w.count, w[i + 1] == 0x65 /* e */, c == 0x61 /* a */ || c == 0x6F /* o */,
               i > 0 || c == 0x6F, isDigraphContext(w, i) {
                out.append(0x65)
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// `ae`/`oe` followed by a consonant (haem, oedema, foetus) — not `aer` (aerobic) or word-final `oe` (toe).
    private static func isDigraphContext(_ w: [UInt8], _ i: Int) -> Bool {
        guard i + 2 < w.count else { return false }
        let next = w[i + 2]
        if next == 0x72 /* r */ && w[i] == 0x61 { return false }   // aer-
        return !isVowel(next)
    }

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75
    }

    private static func replaceInfix(_ w: [UInt8], _ pattern: StaticString, _ replacement: StaticString) -> [UInt8] {
        let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        let r = UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
        guard w.count >= p.count else { return w }
        var out: [UInt8] = []
        var i = 0
        var found = false
        while i < w.count {
            if i + p.count <= w.count, w[i] == p[0], w[i..<i + p.count].elementsEqual(p) {
                if !found { out = Array(w[0..<i]); found = true }
                out += r
                i += p.count
            } else {
                if found { out.append(w[i]) }
                i += 1
            }
        }
        return found ? out : w
    }

    static func hasSuffix(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard w.count >= n else { return false }
        return w[(w.count - n)...].elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: n))
    }

    /// Replaces `suffix` in place when the word is longer than it by two or more; whether it did.
    private static func replaceSuffix(_ w: inout [UInt8], _ suffix: StaticString, _ replacement: StaticString) -> Bool {
        guard w.count > suffix.utf8CodeUnitCount + 1, hasSuffix(w, suffix) else { return false }
        w.removeLast(suffix.utf8CodeUnitCount)
        w.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
        return true
    }

    /// English plurals (-s, -es, -ies) and the Latin/Greek ones medicine keeps: -ae → -a (vertebrae, fistulae),
    /// -i → -us (nevi, calculi), -omata → -oma (lipomata).
    private static func singular(_ w: inout [UInt8]) -> Bool {
        let n = w.count
        guard n > 3 else { return false }
        if hasSuffix(w, "omata") { w.removeLast(2); return true }
        if n >= 5, hasSuffix(w, "ae") { w.removeLast(); return true }
        if w[n - 1] == 0x69 /* i */, w[n - 2] != 0x69, !isVowel(w[n - 2]) {
            w.removeLast()
            w += [0x75, 0x73]
            return true
        }
        guard w[n - 1] == 0x73 /* s */ else { return false }
        let prev = w[n - 2]
        // -ss, -us, -is stay (stasis, abscess, sinus).
        if prev == 0x73 || prev == 0x75 || prev == 0x69 { return false }
        if n > 4, w[n - 3] == 0x69, prev == 0x65 { w.removeLast(3); w.append(0x79); return true }    // -ies → -y
        if prev == 0x65, n > 4 {
            let before = w[n - 3]
            // -sses, -xes, -ches, -shes → drop "es" (abscesses, reflexes); diseases, doses keep their e.
            if (before == 0x73 && w[n - 4] == 0x73) || before == 0x78
                || (before == 0x68 && (w[n - 4] == 0x63 || w[n - 4] == 0x73)) {
                w.removeLast(2)
                return true
            }
        }
        w.removeLast()
        return true
    }
}
