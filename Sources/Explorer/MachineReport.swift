import Foundation
import GraphRendering
import Kernels
import Ontology

/// What this machine offers ddx (Graphviz, libxml2, OpenBLAS, fonts) and what is missing, with fixes.
public struct MachineReport: Sendable {
    /// One checked item.
    public struct Check: Sendable, Equatable {
        /// What was checked (`Graphviz layout 'dot'`).
        public var name: String
        /// What was found.
        public var detail: String
        /// Whether it is usable.
        public var ok: Bool
        /// The command that fixes it, when not ok.
        public var fix: String?
    }

    /// Every check, in display order.
    public let checks: [Check]
    /// Graphviz facts.
    public let graphviz: GraphvizInfo

    /// True when nothing essential is missing.
    public var healthy: Bool { checks.allSatisfy(\.ok) }

    /// Inspects the running process and machine.
    public static func inspect() -> MachineReport {
        let gv = GraphvizRuntime.info()
        var checks: [Check] = []
        checks.append(Check(name: "Graphviz", detail: "libgvc \(gv.version)" + (gv.usesFallbackPlugins ? " (plugin config missing; plugins loaded directly)" : ""), ok: true, fix: nil))
        checks.append(Check(name: "Graphviz layout 'dot'", detail: gv.layoutPlugins.joined(separator: " "),
                            ok: gv.layoutPlugins.contains("dot"),
                            fix: "apt-get install --reinstall libgvc6 && dot -c   (or: apt-get install libgraphviz-dev)"))
        for format in [DiagramFormat.svg, .png, .pdf, .dot] {
            let ok = GraphvizRuntime.supports(format)
            checks.append(Check(name: "export \(format.rawValue)", detail: ok ? "available" : "no Graphviz renderer for \(format.rawValue)",
                                ok: ok, fix: format == .png || format == .pdf ? "apt-get install libgvc6 (its cairo/pango plugin renders PNG and PDF)" : "apt-get install libgvc6"))
        }
        checks.append(Check(name: "export mmd, json", detail: "written by ddx itself", ok: true, fix: nil))
        let fontDirs = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"]
        let hasFont = fontDirs.contains { FileManager.default.fileExists(atPath: $0) }
        checks.append(Check(name: "fonts (DejaVu)", detail: hasFont ? "found" : "not found: PNG/PDF text falls back to another font",
                            ok: hasFont, fix: "apt-get install fonts-dejavu-core"))

        let xmlRuntime = XMLLibrary.runtimeVersion
        checks.append(Check(name: "libxml2", detail: "\(xmlRuntime) (built against \(XMLLibrary.compiledVersion))", ok: true, fix: nil))

        let variant = KernelVariant.active
        let widest = KernelVariant.supported.last ?? variant
        var kernelDetail = "\(variant.name) C kernels for the matrix-vector work"
        kernelDetail += variant == widest ? " (the widest this CPU supports)" : " (DDX_KERNELS; this CPU supports \(widest.name))"
        checks.append(Check(name: "inference kernels", detail: kernelDetail, ok: true, fix: nil))

        let core = BLASRuntime.coreName
        let override = BLASRuntime.coreTypeOverride
        let recommended = BLASRuntime.recommendedCoreType()
        // The inference engine sets OpenBLAS to one thread per call and splits its sgemm work over its own pool of
        // --threads workers (OpenBLAS threads of their own would compete with the pool for the cores).
        var blasDetail = "core \(core); the inference engine runs it single-threaded, one sgemm per --threads worker"
        if BLASRuntime.coreFix == .inProcess {
            blasDetail += " (OpenBLAS picked a fallback core for this CPU; ddx re-selected it in-process)"
        } else if let o = override {
            blasDetail += ", OPENBLAS_CORETYPE=\(o)"
        }
        let misdetected = BLASRuntime.coreLooksMisdetected && override == nil && recommended != nil
        if misdetected { blasDetail += "; this CPU supports \(recommended!) kernels but OpenBLAS picked a fallback (5-7x slower matrix work)" }
        checks.append(Check(name: "OpenBLAS", detail: blasDetail, ok: !misdetected,
                            fix: recommended.map { "export OPENBLAS_CORETYPE=\($0)" }))
        return MachineReport(checks: checks, graphviz: gv)
    }

    /// The report as text lines for people.
    public var text: String {
        var out = "ddx \(DDxVersion.current) doctor\n"
        for c in checks {
            out += "  [\(c.ok ? "ok" : "!!")] \(c.name): \(c.detail)\n"
            if !c.ok, let fix = c.fix { out += "       fix: \(fix)\n" }
        }
        out += "  Graphviz renderers: \(graphviz.renderPlugins.joined(separator: " "))\n"
        out += "  Graphviz devices: \(graphviz.devicePlugins.joined(separator: " "))\n"
        out += healthy ? "Everything ddx needs is here.\n" : "Some things are missing; run the fixes above (or scripts/setup).\n"
        return out
    }
}
