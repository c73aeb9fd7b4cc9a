import Foundation
import Testing
import TestSupport

/// Inputs too big to hold in memory are streamed.
@Suite struct LargeInputTests {
    /// Polls `process`'s peak resident memory (VmHWM, in KiB) until it exits.
    static func peakMemory(of process: Process) -> Int {
        var peak = 0
        let status = "/proc/\(process.processIdentifier)/status"
        while process.isRunning {
            if let text = try? String(contentsOfFile: status, encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peak = max(peak, kib)
            }
            usleep(20_000)
        }
        return peak
    }

    @Test("a 2 GiB ontology XML (gzip) is streamed: two concepts found, peak memory under 400 MiB (sanitizers aside)")
    func twoGigabyteOntology() async throws {
        let (r, gzipStatus, peakKiB) = try await OwnThread.run { try ScratchDirectory.with { dir in
            // Header, 2 GiB of elements in a foreign namespace (which the importer skips), footer; compressed as one
            // gzip stream on the fly (libxml2 reads only the first member of a multi-member gzip file).
            let head = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ontology xmlns="urn:x-ddx:ontology:1" xmlns:x="urn:example:padding" id="big" version="1">
                <meta><title>Big</title><license>CC0-1.0</license></meta>
                <concept id="first" type="symptom"><label>First</label></concept>

                """
            let line = "<x:pad>" + String(repeating: "padding ", count: 126) + "</x:pad>\n"  // 1,024 bytes
            let foot = "<concept id=\"last\" type=\"sign\"><label>Last</label></concept>\n</ontology>\n"
            try Data(head.utf8).write(to: dir.appendingPathComponent("head.xml"))
            try Data(String(repeating: line, count: 16 << 10).utf8).write(to: dir.appendingPathComponent("pad.xml"))
            try Data(foot.utf8).write(to: dir.appendingPathComponent("foot.xml"))
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
            gzip.arguments = ["-c", "{ cat head.xml; i=0; while [ $i -lt 128 ]; do cat pad.xml; i=$((i+1)); done; "
                + "cat foot.xml; } | gzip -1 > big.xml.gz"]
            gzip.currentDirectoryURL = dir
            try gzip.run()
            gzip.waitUntilExit()

            var peakKiB = 0
            let r = try DDx.run(["ontology", "info", "big.xml.gz"], in: dir, timeout: 600) { peakKiB = Self.peakMemory(of: $0) }
            return (r, gzip.terminationStatus, peakKiB)
        } }
        #expect(gzipStatus == 0)
        #expect(r.succeeded, "\(r.err)")
        #expect(r.out.contains("2 concepts"), "\(r.out)")
        // ASan's quarantine and shadow memory add a fixed few hundred MiB, whatever the file's size.
        let bound = (400 << 10) + (Sanitizer.isActive ? 768 << 10 : 0)
        #expect(peakKiB > 0 && peakKiB < bound, "peak resident memory \(peakKiB) KiB")
    }
}
