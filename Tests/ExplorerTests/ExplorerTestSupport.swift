import Foundation
import Testing

/// Every suite that calls into Graphviz (rendering, benchmarks, the machine report) nests in here, so
/// they run one test at a time across files, not just within one suite.
@Suite("Graphviz-backed", .serialized)
enum GraphvizBacked {}
