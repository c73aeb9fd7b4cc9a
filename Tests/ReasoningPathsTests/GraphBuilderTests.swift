import Foundation
import Testing
import ReasoningPaths

@Suite("Path graph")
struct GraphBuilderTests {
    @Test func nodesMergeIgnoringCaseAndWhitespace() {
        let p = ReasoningParser().parse("Finding reasoning paths:\n1. Chest pain -> Myocardial  infarction\n2. chest PAIN -> Angina -> myocardial infarction (MI)\n")
        let g = ReasoningGraphBuilder().build(from: p)
        #expect(g.nodes.count == 3)
        let mi = try! #require(g.nodes.first { $0.label == "Myocardial  infarction" })
        #expect(mi.paths == [1, 2] && mi.lines == [2, 3] && mi.qualifiers == ["MI"])
        #expect(mi.role == .conclusion)
        let chest = try! #require(g.nodes.first { $0.label == "Chest pain" })
        #expect(chest.role == .finding && chest.id == "chest-pain")
        #expect(g.nodes.first { $0.label == "Angina" }?.role == .mechanism)
        #expect(g.edges.count == 3)
        #expect(g.paths.map(\.nodes) == [["chest-pain", "myocardial-infarction"], ["chest-pain", "angina", "myocardial-infarction"]])
    }

    @Test func edgesMergeAndKeepProvenance() throws {
        let p = try Fixture.parse("kg_raw")
        let g = ReasoningGraphBuilder().build(from: p)
        let e = try #require(g.edges.first { $0.from == "difficulty-walking" && $0.to == "ataxia" })
        #expect(e.paths == [1, 3] && e.lines == [1, 3])
        #expect(g.edges.map { "\($0.from)>\($0.to)" } == g.edges.map { "\($0.from)>\($0.to)" }.sorted())
        #expect(g.nodes.map(\.id) == g.nodes.map(\.id).sorted())
    }

    @Test func relationsElisionsAndProse() throws {
        let p = try Fixture.parse("arrows")
        let g = ReasoningGraphBuilder().build(from: p)
        #expect(g.edges.first { $0.from == "difficulty-walking" && $0.to == "ataxia" }?.relations == ["phenotype present"])
        #expect(g.edges.first { $0.from == "cough" && $0.to == "pneumonia" }?.elided == true)
        let q = try Fixture.parse("labels_and_prose")
        let gq = ReasoningGraphBuilder().build(from: q)
        #expect(gq.nodes.filter { $0.role == .statement }.count == 3)
    }

    @Test func idsAreStableAndReadable() throws {
        let text = try Fixture.bytes("arrows")
        let a = ReasoningGraphBuilder().build(from: ReasoningParser().parse(bytes: text))
        let b = ReasoningGraphBuilder().build(from: ReasoningParser().parse(bytes: text))
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        #expect(try enc.encode(a) == enc.encode(b))
        let ids = Set(a.nodes.map(\.id))
        #expect(ids.count == a.nodes.count)
        #expect(ids.contains("chest-pain-and-st-segment-elevation"))
        // Non-ASCII names get a hash suffix so ids stay ASCII and distinct.
        #expect(a.nodes.first { $0.label == "Elevated CO₂ levels" }.map { $0.id.hasPrefix("elevated-co-levels-") } == true)
        for id in ids { #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(id)") }
    }

    @Test func idsDoNotDependOnDocumentOrder() {
        let a = ReasoningGraphBuilder().build(from: ReasoningParser().parse("- A -> B\n- C -> D\n"))
        let b = ReasoningGraphBuilder().build(from: ReasoningParser().parse("- C -> D\n- A -> B\n"))
        #expect(Set(a.nodes.map(\.id)) == Set(b.nodes.map(\.id)))
    }

    @Test func slugCollisionsGetSuffixes() {
        let g = ReasoningGraphBuilder().build(from: ReasoningParser().parse("- A-B -> A B\n- a/b -> x\n"))
        let ids = g.nodes.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
