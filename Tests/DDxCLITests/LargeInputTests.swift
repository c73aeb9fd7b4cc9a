import Foundation
import Testing
import TestSupport

/// Inputs too big to hold in memory are streamed.
@Suite struct LargeInputTests {
    /// Runs `ddx arguments` in `dir`, polling its peak resident memory (VmHWM) until it exits.
    static func runMeasuringPeak(_ arguments: [String], in dir: URL) throws -> (status: Int32, err: String, out: String,
                                                                               peakKiB: Int) {
        let process = Process()
        process.executableURL = try DDx.executable.get()
        process.arguments = arguments
        process.currentDirectoryURL = dir
        let outURL = dir.appendingPathComponent("stdout.log"), errURL = dir.appendingPathComponent("stderr.log")
        for url in [outURL, errURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
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
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                String(decoding: try Data(contentsOf: outURL), as: UTF8.self), peak)
    }

    @Test("a 2 GiB ontology XML (gzip) is streamed: two concepts found, peak memory under 400 MiB")
    func twoGigabyteOntology() throws {
        try ScratchDirectory.with { dir in
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
            #expect(gzip.terminationStatus == 0)

            let r = try Self.runMeasuringPeak(["ontology", "info", "big.xml.gz"], in: dir)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("2 concepts"), "\(r.out)")
            #expect(r.peakKiB > 0 && r.peakKiB < 400 << 10, "peak resident memory \(r.peakKiB) KiB")
        }
    }
}
