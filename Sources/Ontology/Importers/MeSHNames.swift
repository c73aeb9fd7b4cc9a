/// The MeSH descriptor elements and attributes the importer reads (no namespace), interned once per reader,
/// and which of them may appear under which parent.
struct MeSHNames {
    /// The elements the importer reads; anything else is ignored with its subtree.
    enum Tag {
        case document, recordSet, record, descriptorUI, descriptorName, string, treeNumberList, treeNumber
        case conceptList, concept, conceptUI, conceptUMLSUI, scopeNote, termList, term
        case conceptRelationList, conceptRelation, concept1UI, concept2UI
        case actionList, action, descriptorReferredTo
        /// An element read through without taking anything from it or its subtree.
        case ignored
    }

    let recordSet, record, descriptorUI, descriptorName, string, treeNumberList, treeNumber: XMLName
    let conceptList, concept, conceptUI, conceptUMLSUI, scopeNote, termList, term: XMLName
    let conceptRelationList, conceptRelation, concept1UI, concept2UI: XMLName
    let actionList, action, descriptorReferredTo: XMLName
    let languageCode, preferredConcept, permuted, lexicalTag, relationName: XMLName

    init(_ r: XMLStreamReader) {
        recordSet = r.name(nil, "DescriptorRecordSet")
        record = r.name(nil, "DescriptorRecord")
        descriptorUI = r.name(nil, "DescriptorUI")
        descriptorName = r.name(nil, "DescriptorName")
        string = r.name(nil, "String")
        treeNumberList = r.name(nil, "TreeNumberList")
        treeNumber = r.name(nil, "TreeNumber")
        conceptList = r.name(nil, "ConceptList")
        concept = r.name(nil, "Concept")
        conceptUI = r.name(nil, "ConceptUI")
        conceptUMLSUI = r.name(nil, "ConceptUMLSUI")
        scopeNote = r.name(nil, "ScopeNote")
        termList = r.name(nil, "TermList")
        term = r.name(nil, "Term")
        conceptRelationList = r.name(nil, "ConceptRelationList")
        conceptRelation = r.name(nil, "ConceptRelation")
        concept1UI = r.name(nil, "Concept1UI")
        concept2UI = r.name(nil, "Concept2UI")
        actionList = r.name(nil, "PharmacologicalActionList")
        action = r.name(nil, "PharmacologicalAction")
        descriptorReferredTo = r.name(nil, "DescriptorReferredTo")
        languageCode = r.name(nil, "LanguageCode")
        preferredConcept = r.name(nil, "PreferredConceptYN")
        permuted = r.name(nil, "IsPermutedTermYN")
        lexicalTag = r.name(nil, "LexicalTag")
        relationName = r.name(nil, "RelationName")
    }

    /// Which known element the reader is on, given its parent; nil when it is to be ignored.
    func classify(_ r: XMLStreamReader, under parent: Tag) -> Tag? {
        switch parent {
        case .document:
            if r.isNamed(recordSet) { return .recordSet }
            return r.isNamed(record) ? .record : nil
        case .recordSet: return r.isNamed(record) ? .record : nil
        case .record:
            if r.isNamed(descriptorUI) { return .descriptorUI }
            if r.isNamed(descriptorName) { return .descriptorName }
            if r.isNamed(conceptList) { return .conceptList }
            if r.isNamed(treeNumberList) { return .treeNumberList }
            return r.isNamed(actionList) ? .actionList : nil
        case .descriptorName, .term: return r.isNamed(string) ? .string : nil
        case .treeNumberList: return r.isNamed(treeNumber) ? .treeNumber : nil
        case .conceptList: return r.isNamed(concept) ? .concept : nil
        case .concept:
            if r.isNamed(conceptUI) { return .conceptUI }
            if r.isNamed(termList) { return .termList }
            if r.isNamed(scopeNote) { return .scopeNote }
            if r.isNamed(conceptRelationList) { return .conceptRelationList }
            if r.isNamed(conceptUMLSUI) { return .conceptUMLSUI }
            return r.isNamed(actionList) ? .actionList : nil
        case .termList: return r.isNamed(term) ? .term : nil
        case .conceptRelationList: return r.isNamed(conceptRelation) ? .conceptRelation : nil
        case .conceptRelation:
            if r.isNamed(concept1UI) { return .concept1UI }
            return r.isNamed(concept2UI) ? .concept2UI : nil
        case .actionList: return r.isNamed(action) ? .action : nil
        case .action: return r.isNamed(descriptorReferredTo) ? .descriptorReferredTo : nil
        case .descriptorReferredTo: return r.isNamed(descriptorUI) ? .descriptorUI : nil
        default: return nil
        }
    }
}
