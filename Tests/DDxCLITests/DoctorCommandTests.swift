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
        for name in ["Graphviz", "Graphviz layout 'dot'", "export svg", "export png", "export pdf", "libxml2", "inference kernels", "OpenBLAS"] {
            #expect(out.contains("  [ok] \(name): "), "missing \(name)")
        }
        #expect(!out.contains("[!!]"))
        #expect(out.contains("Graphviz renderers: "))
        #expect(out.hasSuffix("Everything ddx needs is here.\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test("names the kernel variant, and says when DDX_KERNELS chose a narrower one than the CPU supports")
    func kernelVariant() throws {
        let widest = try DDx.run(["doctor"]).out
        #expect(widest.contains(" C kernels for the matrix-vector work (the widest this CPU supports)"))
        let forced = try DDx.run(["doctor"], environment: ["DDX_KERNELS": "scalar"])
        #expect(forced.succeeded)
        if widest.contains("[ok] inference kernels: scalar ") {
            #expect(forced.out.contains("[ok] inference kernels: scalar C kernels for the matrix-vector work (the widest"))
        } else {
            #expect(forced.out.contains("[ok] inference kernels: scalar C kernels for the matrix-vector work (DDX_KERNELS; this CPU supports "))
        }
    }
}
