import Foundation
import Testing

@Suite("ddx doctor")
struct DoctorCommandTests {
    @Test("exits 0 on this machine and reports Graphviz, libxml2 and OpenBLAS")
    func healthy() throws {
        let result = try DDx.run(["doctor"])
        #expect(result.succeeded, "exit \(result.exitCode):\n\(result.out)\(result.err)")
        let out = result.out
        #expect(out.hasPrefix("ddx ") && out.contains(" doctor\n"))
        for name in ["Graphviz", "Graphviz layout 'dot'", "export svg", "export png", "export pdf", "libxml2", "OpenBLAS"] {
            #expect(out.contains("  [ok] \(name): "), "missing \(name)")
        }
        #expect(!out.contains("[!!]"))
        #expect(out.contains("Graphviz renderers: "))
        #expect(out.hasSuffix("Everything ddx needs is here.\n"))
        #expect(result.stderr.isEmpty)
    }
}
