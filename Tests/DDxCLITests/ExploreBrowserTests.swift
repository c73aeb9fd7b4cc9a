import Foundation
import Testing
import TestSupport

/// The `ddx explore` report in a real browser (headless Chromium through chromedriver and the W3C WebDriver API):
/// it renders, the graph is on screen, and clicking a node or a path line highlights what it should. Skips when
/// Chromium or chromedriver is not installed (`scripts/setup --browser`). Set `DDX_SCREENSHOT_DIR` to keep the
/// screenshots.
@Suite("ddx explore report in a browser", .serialized)
struct ExploreBrowserTests {
    @Test("the report loads offline, shows the graph, and links nodes, hops and path lines to the text",
          .enabled(if: WebDriverSession.isAvailable, "chromium or chromedriver is not installed (scripts/setup --browser)"))
    func report() throws {
        try ScratchDirectory.with { dir in
            let reportPath = dir.appendingPathComponent("cough.html").path
            let r = try DDx.run(["explore", "--text", RepoFiles.coughCase, "-o", reportPath], timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            #expect(r.out == reportPath + "\n")

            let session = try WebDriverSession.start(windowWidth: 1400, windowHeight: 900, profile: dir)
            defer { session.close() }
            try session.navigate(to: URL(fileURLWithPath: reportPath))
            #expect(try session.execute("return document.readyState") as? String == "complete")
            #expect(try session.execute("return document.querySelectorAll('.ddx-node').length") as? Int == 13)

            // Screenshot: a real PNG of the viewport (the 1400×900 window less the browser's own frame) with plenty
            // going on.
            let png = try session.screenshot()
            let screenshot = dir.appendingPathComponent("report.png")
            try png.write(to: screenshot)
            try Self.keep(screenshot)
            let info = try #require(PNGCheck(png))
            #expect(info.chunksValid)
            #expect(info.width >= 1200 && info.height >= 600, "\(info.width)×\(info.height)")
            #expect(png.count > 30_000)
            let decoded = try #require(try session.executeAsync(Self.decodeScript, args: [png.base64EncodedString()]) as? [String: Any])
            #expect(decoded["width"] as? Int == info.width)
            #expect((decoded["colors"] as? Int ?? 0) > 30, "\(decoded)")
            #expect((decoded["inked"] as? Double ?? 0) > 0.02, "\(decoded)")

            // The graph is displayed, with a real size, inside the viewport.
            let graph = try session.findElement(css: "svg.ddx-graph")
            #expect(try session.isDisplayed(graph))
            let rect = try session.rect(graph)
            #expect(rect.width > 400 && rect.height > 100, "\(rect)")
            let box = try #require(try session.execute("""
                var r = document.querySelector('svg.ddx-graph').getBoundingClientRect();
                return [r.left, r.top, r.right, r.bottom, window.innerWidth, window.innerHeight];
                """) as? [NSNumber]).map(\.doubleValue)
            #expect(box[0] >= 0 && box[1] >= 0 && box[2] <= box[4] + 1 && box[1] < box[5], "\(box)")

            // Click the node that comes from the most lines: exactly its lines light up.
            let pick = try #require(try session.execute("""
                var d = JSON.parse(document.getElementById('ddx-data').textContent), best = null;
                Object.keys(d.nodes).sort().forEach(function (k) {
                  if (!best || d.nodes[k].lines.length > d.nodes[best].lines.length) best = k;
                });
                return [best, d.nodes[best].lines];
                """) as? [Any])
            let nodeID = try #require(pick[0] as? String)
            let nodeLines = Set(try #require(pick[1] as? [Int]))
            try Self.click(session, css: "#\(nodeID)", fallback: "#\(nodeID) > ellipse, #\(nodeID) > polygon, #\(nodeID) > path")
            let lit = Set(try #require(try session.execute(Self.litLinesScript, args: ["hl"]) as? [Int]))
            #expect(lit == nodeLines, "highlighted \(lit.sorted()), node lines \(nodeLines.sorted())")
            let totalLines = try #require(try session.execute("return document.querySelectorAll('.raw-lines .line').length") as? Int)
            #expect(totalLines > lit.count)
            #expect(try session.execute("return document.getElementById(arguments[0]).classList.contains('sel')", args: [nodeID]) as? Bool == true)
            #expect(try session.execute("return document.getElementById('hover-panel').hidden") as? Bool == false)
            let selected = dir.appendingPathComponent("report-node.png")
            try session.screenshot().write(to: selected)
            try Self.keep(selected)

            // Click the line of path 2 in the text: its hops and nodes are traced, the others are not.
            let path = try #require(try session.execute("""
                var d = JSON.parse(document.getElementById('ddx-data').textContent);
                var p = d.paths[1];
                var others = Object.keys(d.edges).filter(function (id) { return p.edges.indexOf(id) < 0; });
                return [p.line, p.edges, p.nodes, others];
                """) as? [Any])
            let line = try #require(path[0] as? Int)
            let pathEdges = try #require(path[1] as? [String])
            let pathNodes = try #require(path[2] as? [String])
            let otherEdges = try #require(path[3] as? [String])
            #expect(!pathEdges.isEmpty)
            try Self.click(session, css: "#text-body .md-body [data-line=\"\(line)\"]", fallback: nil)
            let on = Set(try #require(try session.execute("""
                return Array.prototype.map.call(document.querySelectorAll('svg.ddx-graph .on'), function (e) { return e.id; });
                """) as? [String]))
            #expect(on == Set(pathEdges + pathNodes), "traced \(on.sorted())")
            #expect(otherEdges.allSatisfy { !on.contains($0) })
            #expect(try session.execute("return document.querySelector('svg.ddx-graph').classList.contains('tracing')") as? Bool == true)
            #expect(Set(try #require(try session.execute(Self.litLinesScript, args: ["trace"]) as? [Int])) == [line])
            let traced = dir.appendingPathComponent("report-path.png")
            try session.screenshot().write(to: traced)
            try Self.keep(traced)

            // The raw view shows every line with its number.
            try Self.click(session, css: "button[data-view=raw]", fallback: nil)
            let first = try session.findElement(css: ".raw-lines .line[data-line=\"1\"]")
            #expect(try session.isDisplayed(first))
        }
    }

    @Test("the compare page: the merged graph is on screen; clicking a shared node lights its lines in both texts",
          .enabled(if: WebDriverSession.isAvailable, "chromium or chromedriver is not installed (scripts/setup --browser)"))
    func comparePage() throws {
        try ScratchDirectory.with { dir in
            let b = dir.appendingPathComponent("b.txt")
            try CompareCommandTests.textB.write(to: b, atomically: true, encoding: .utf8)
            let page = dir.appendingPathComponent("compare.html").path
            let r = try DDx.run(["compare", RepoFiles.coughCase, b.path, "-o", page], timeout: 120)
            #expect(r.succeeded, "\(r.err)")
            let session = try WebDriverSession.start(windowWidth: 1400, windowHeight: 900, profile: dir)
            defer { session.close() }
            try session.navigate(to: URL(fileURLWithPath: page))
            let graph = try session.findElement(css: "svg.ddx-graph")
            #expect(try session.isDisplayed(graph))
            #expect(try session.rect(graph).width > 400)
            let shot = dir.appendingPathComponent("compare.png")
            try session.screenshot().write(to: shot)
            try Self.keep(shot)
            // The shared node with lines in both texts.
            let pick = try #require(try session.execute("""
                var d = JSON.parse(document.getElementById('ddx-data').textContent);
                var id = Object.keys(d.nodes).sort().filter(function (k) {
                  return d.nodes[k].provenance === 'both' && d.nodes[k].linesA.length && d.nodes[k].linesB.length;
                })[0];
                return [id, d.nodes[id].linesA, d.nodes[id].linesB];
                """) as? [Any])
            let nodeID = try #require(pick[0] as? String)
            try Self.click(session, css: "#\(nodeID)", fallback: "#\(nodeID) > ellipse, #\(nodeID) > polygon, #\(nodeID) > path")
            for (side, lines) in [("a", pick[1]), ("b", pick[2])] {
                let lit = try #require(try session.execute("""
                    var seen = {};
                    Array.prototype.forEach.call(document.querySelectorAll('#text-' + arguments[0] + ' [data-line].hl'), function (e) {
                      seen[e.getAttribute('data-line')] = true;
                    });
                    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
                    """, args: [side]) as? [Int])
                #expect(lit == (lines as? [Int]), "side \(side): lit \(lit)")
            }
            #expect(try session.execute("return document.getElementById('hover-panel').hidden") as? Bool == false)
        }
    }

    /// Sorted line numbers of the visible elements with class `arguments[0]`.
    static let litLinesScript = """
        var seen = {};
        Array.prototype.forEach.call(document.querySelectorAll('[data-line].' + arguments[0]), function (e) {
          seen[e.getAttribute('data-line')] = true;
        });
        return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
        """

    /// Decodes a base64 PNG in the page (allowed by the report's `img-src data:`) and measures it.
    static let decodeScript = """
        var done = arguments[arguments.length - 1], img = new Image();
        img.onload = function () {
          var c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
          var g = c.getContext('2d'); g.drawImage(img, 0, 0);
          var px = g.getImageData(0, 0, c.width, c.height).data, colors = {}, inked = 0, n = 0;
          for (var i = 0; i < px.length; i += 4 * 97) {
            n++;
            colors[(px[i] >> 3) + ',' + (px[i + 1] >> 3) + ',' + (px[i + 2] >> 3)] = 1;
            if (px[i] + px[i + 1] + px[i + 2] < 600) inked++;
          }
          done({ width: img.width, height: img.height, colors: Object.keys(colors).length, inked: inked / n });
        };
        img.onerror = function () { done(null); };
        img.src = 'data:image/png;base64,' + arguments[0];
        """

    /// Clicks the element `css` names; when the browser refuses (another element covers its centre), `fallback`.
    static func click(_ session: WebDriverSession, css: String, fallback: String?) throws {
        do {
            try session.click(try session.findElement(css: css))
        } catch let error as WebDriverSession.Failure {
            guard let fallback else { throw error }
            try session.click(try session.findElement(css: fallback))
        }
    }

    /// Copies a screenshot to `$DDX_SCREENSHOT_DIR` when set.
    static func keep(_ file: URL) throws {
        guard let dir = ProcessInfo.processInfo.environment["DDX_SCREENSHOT_DIR"], !dir.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let target = URL(fileURLWithPath: dir).appendingPathComponent(file.lastPathComponent)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: file, to: target)
    }
}

/// The structure of a PNG: size from `IHDR`, and whether every chunk's CRC is right and `IDAT` and `IEND` are there.
struct PNGCheck {
    let width: Int
    let height: Int
    let chunksValid: Bool

    init?(_ data: Data) {
        let png = [UInt8](data)
        guard png.count > 33, Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func u32(_ i: Int) -> Int { Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3]) }
        width = u32(16)
        height = u32(20)
        var i = 8, valid = true, types: [String] = []
        while i + 12 <= png.count {
            let length = u32(i)
            guard i + 12 + length <= png.count else { valid = false; break }
            let body = Array(png[(i + 4)..<(i + 8 + length)])
            types.append(String(decoding: body.prefix(4), as: UTF8.self))
            if UInt32(u32(i + 8 + length)) != Self.crc32(body) { valid = false }
            i += 12 + length
        }
        chunksValid = valid && types.first == "IHDR" && types.contains("IDAT") && types.last == "IEND" && i == png.count
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}
