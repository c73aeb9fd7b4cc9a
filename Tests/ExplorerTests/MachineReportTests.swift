@testable import Explorer
import GraphRendering
import Testing

extension GraphvizBacked {
    @Suite("MachineReport")
    struct MachineReportTests {
        @Test("this machine is healthy and the text lists every check")
        func inspect() throws {
            let report = MachineReport.inspect()
            #expect(report.healthy, "unhealthy:\n\(report.text)")
            let names = report.checks.map(\.name)
            for required in ["Graphviz", "Graphviz layout 'dot'", "export svg", "export png", "export pdf", "export dot",
                             "export mmd, json", "libxml2", "OpenBLAS"] {
                #expect(names.contains(required), "missing check \(required)")
            }
            let text = report.text
            #expect(text.hasPrefix("ddx \(DDxVersion.current) doctor\n"))
            for check in report.checks {
                #expect(text.contains("  [ok] \(check.name): \(check.detail)\n"), "missing \(check.name)")
            }
            #expect(!text.contains("[!!]") && !text.contains("fix:"))
            #expect(text.contains("Graphviz renderers: \(report.graphviz.renderPlugins.joined(separator: " "))"))
            #expect(text.hasSuffix("Everything ddx needs is here.\n"))
            #expect(report.graphviz.layoutPlugins.contains("dot"))
        }

        @Test("an unhealthy report marks the failed check and prints its fix")
        func unhealthyText() {
            let info = GraphvizInfo(version: "9.0", layoutPlugins: [], renderPlugins: ["core"], devicePlugins: ["svg"],
                                    textLayoutPlugins: [], usesFallbackPlugins: false, supportedFormats: [.svg])
            let report = MachineReport(checks: [
                .init(name: "Graphviz", detail: "libgvc 9.0", ok: true, fix: nil),
                .init(name: "Graphviz layout 'dot'", detail: "", ok: false, fix: "apt-get install libgvc6"),
            ], graphviz: info)
            #expect(!report.healthy)
            #expect(report.text.contains("  [ok] Graphviz: libgvc 9.0\n"))
            #expect(report.text.contains("  [!!] Graphviz layout 'dot': \n       fix: apt-get install libgvc6\n"))
            #expect(report.text.hasSuffix("Some things are missing; run the fixes above (or scripts/setup).\n"))
        }
    }
}
