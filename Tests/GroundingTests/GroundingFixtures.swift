import Ontology
import ReasoningPaths
import TestSupport

/// The test ontology (fixtures of OntologyTests) loaded once.
enum GroundingFixtures {
    static let index: OntologyIndex = {
        let loader = OntologyLoader()
        let documents = try! [
            loader.load(file: RepoFiles.ontologyFixture("native-small.xml")),
            loader.load(file: RepoFiles.ontologyFixture("native-partner.xml")),
        ]
        return OntologyIndex(documents: documents)
    }()

    static func concept(_ id: String) -> Int { index.concept(id: id)! }

    /// A graph from chains of step names.
    static func graph(_ chains: [[String]]) -> ReasoningGraph {
        let paths = chains.enumerated().map { i, steps in
            ReasoningPath(number: i + 1, label: nil, kind: .chain, line: i + 1,
                          steps: steps.map { PathStep(text: $0, name: $0, qualifier: nil) })
        }
        return ReasoningGraphBuilder().build(paths: paths)
    }
}
