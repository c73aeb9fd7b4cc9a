/// The part of an OWL class expression the importer uses: named classes, existential restrictions and
/// intersections (logical definitions). Anything else (unions, complements, cardinalities) is `.other`.
indirect enum OWLClassExpression: Equatable {
    case named(String)
    case restriction(property: String, filler: OWLClassExpression?)
    case intersection([OWLClassExpression])
    case other

    /// The named class an expression is "about", used as a relation target: a named class itself, an
    /// intersection's first named member (its genus), or the head of a restriction's filler. For
    /// `therapeutic_uses some (CHEBI_24431 and has_role some CHEBI_37334)` the head of the filler is CHEBI_24431;
    /// for `has_input some (part_of some UBERON_0000467)` it is UBERON_0000467.
    var head: String? {
        switch self {
        case .named(let iri): return iri
        case .intersection(let members):
            for case .named(let iri) in members { return iri }
            for member in members { if let h = member.head { return h } }
            return nil
        case .restriction(_, let filler): return filler?.head
        case .other: return nil
        }
    }

    /// Reads the class expression whose element the reader is on (`owl:Restriction`, `owl:Class`,
    /// `rdf:Description`), consuming it.
    static func read(_ r: OWLNodeReader) throws -> OWLClassExpression {
        let reader = r.reader, n = r.names
        if reader.isNamed(n.owlRestriction) {
            var property: String?
            var filler: OWLClassExpression?
            try r.forEachChild {
                if reader.isNamed(n.owlOnProperty) {
                    property = try r.resource()
                } else if reader.isNamed(n.owlSomeValuesFrom) {
                    if let iri = reader.attribute(n.rdfResource) {
                        filler = .named(iri)
                        try r.consume()
                    } else {
                        filler = try readFirstChild(r)
                    }
                } else {
                    try r.consume()
                }
            }
            guard let property else { return .other }
            return .restriction(property: property, filler: filler)
        }
        if reader.isNamed(n.owlClass) || reader.isNamed(n.rdfDescription) {
            let about = reader.attribute(n.rdfAbout)
            var result: OWLClassExpression = about.map { .named($0) } ?? .other
            try r.forEachChild {
                if reader.isNamed(n.owlIntersectionOf) {
                    var members: [OWLClassExpression] = []
                    try r.forEachChild { members.append(try read(r)) }
                    if about == nil { result = .intersection(members) }
                } else {
                    try r.consume()
                }
            }
            return result
        }
        try r.consume()
        return .other
    }

    /// Reads the first child element of the current element as a class expression and consumes the rest.
    static func readFirstChild(_ r: OWLNodeReader) throws -> OWLClassExpression? {
        var first: OWLClassExpression?
        try r.forEachChild {
            if first == nil { first = try read(r) } else { try r.consume() }
        }
        return first
    }
}
