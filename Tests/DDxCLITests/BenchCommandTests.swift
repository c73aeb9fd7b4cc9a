import Foundation
import Testing

@Suite("ddx bench")
struct BenchCommandTests {
    @Test("bench parse on 1 MiB prints one report line per kind")
    func parse() throws {
        let result = try DDx.run(["bench", "parse", "--mib", "1", "--iterations", "1", "--kind", "paths", "--kind", "mixed"])
        #expect(result.succeeded, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("parse paths, 1.0 MB, ") == true)
        #expect(lines.last?.hasPrefix("parse mixed, 1.0 MB, ") == true)
        #expect(lines.allSatisfy { $0.contains(" MB/s") && $0.contains("anchor memchr line scan") })
    }

    @Test("bench render on a small graph prints its report")
    func render() throws {
        let result = try DDx.run(["bench", "render", "--nodes", "10", "--iterations", "1"])
        #expect(result.succeeded, "\(result.err)")
        #expect(result.out.hasPrefix("render svg, 10 nodes ("))
        #expect(result.out.contains("anchor bare libgvc"))
        #expect(result.out.contains("ratio render/anchor (best): "))
    }
}
