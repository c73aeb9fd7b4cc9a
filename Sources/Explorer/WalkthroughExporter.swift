import Foundation
import GraphRendering
import Reporting

/// Writes a walkthrough as a self-contained HTML page (`Templates/walkthrough`), numbered SVG frames and a PDF handout.
/// Everything is rendered in memory first and only then written (each file atomically; frames through a staging
/// folder), so a failure leaves no half-written output.
///
/// ```swift
/// let exporter = try WalkthroughExporter()
/// let written = try exporter.write(walkthrough, html: "ddx-out/walkthrough-cough.html", frames: nil, pdf: "cough.pdf")
/// ```
public struct WalkthroughExporter: Sendable {
    /// The folder holding `walkthrough.mustache`, its partials, `style.css` and `script.js`.
    public let templateDirectory: String
    private let renderer: GraphRenderer

    /// The shipped `Templates/walkthrough` folder, or `$DDX_TEMPLATES_DIR/walkthrough`.
    public static func defaultTemplateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["DDX_TEMPLATES_DIR"], !dir.isEmpty { return dir + "/walkthrough" }
        return ResourceDirectory.find("Templates", containing: "walkthrough/walkthrough.mustache").map { $0 + "/walkthrough" }
    }

    /// An exporter using the templates in `templateDirectory` (default: the shipped ones); a one-line error when
    /// there are none.
    public init(templateDirectory: String? = nil, renderer: GraphRenderer = GraphRenderer()) throws {
        guard let dir = templateDirectory ?? Self.defaultTemplateDirectory() else {
            throw InputError("no Templates/walkthrough folder found (pass --templates DIR or set DDX_TEMPLATES_DIR to a copy of the Templates folder)")
        }
        for name in ["walkthrough.mustache", "style.css", "script.js"]
        where !FileManager.default.fileExists(atPath: dir + "/" + name) {
            throw InputError("\(dir): no \(name) (the walkthrough templates folder must hold walkthrough.mustache, its partials, style.css and script.js)")
        }
        self.templateDirectory = dir
        self.renderer = renderer
    }

    /// The graph as SVG (with the run metadata embedded), or nil when the text has no paths. `legend: false` leaves
    /// the legend out (the HTML page has its own).
    public func graphSVG(_ w: Walkthrough, legend: Bool = true) throws -> String? {
        let analysis = w.exploration.analysis
        guard !analysis.graph.nodes.isEmpty else { return nil }
        var annotations = analysis.annotations()
        annotations.metadataJSON = w.exploration.metadata.json()
        do {
            var style = renderer.style
            style.showsLegend = legend
            return String(decoding: try GraphRenderer(style: style).render(analysis.graph, as: .svg, annotations: annotations),
                          as: UTF8.self)
        } catch let error as GraphRenderingError {
            throw InputError("\(analysis.input.sourceName): \(error.description)")
        }
    }

    /// The HTML page.
    public func html(_ w: Walkthrough, svg: String?) throws -> String {
        let style = try resource("style.css")
        let script = try resource("script.js")
        for (name, text) in [("style.css", style), ("script.js", script)] where text.contains("</") {
            throw InputError("\(templateDirectory)/\(name): must not contain \"</\" (it is inlined into the page)")
        }
        do {
            let renderer = try ReportRenderer(directory: templateDirectory)
            return try renderer.render(template: "walkthrough",
                                       context: WalkthroughContext.make(w, svg: svg, style: style, script: script))
        } catch let error as ReportError {
            throw InputError(error.description)
        }
    }

    /// One SVG frame per step, from one layout of the graph.
    public func frames(_ w: Walkthrough, svg: String) throws -> [String] {
        let maker = try SVGFrameMaker(svg: svg)
        let json = w.exploration.metadata.json()
        return w.steps.map { maker.frame(for: $0, of: w.steps.count, metadataJSON: json) }
    }

    /// The PDF handout.
    public func pdf(_ w: Walkthrough) throws -> [UInt8] {
        do {
            return try PDFHandoutWriter().write(WalkthroughHandout.make(w))
        } catch let error as GraphRenderingError {
            throw InputError("\(w.exploration.analysis.input.sourceName): \(error.description)")
        }
    }

    /// Renders the asked-for outputs, then writes them; returns the paths written (HTML, frames folder, PDF).
    @discardableResult
    public func write(_ w: Walkthrough, html htmlPath: String?, frames framesDirectory: String?, pdf pdfPath: String?) throws -> [String] {
        try Self.checkDestinations(files: [htmlPath, pdfPath].compactMap { $0 }, folder: framesDirectory)
        let svg = try framesDirectory != nil ? graphSVG(w) : nil
        let page = try htmlPath.map { _ in try html(w, svg: try graphSVG(w, legend: false)) }
        var frameTexts: [String]?
        if framesDirectory != nil {
            guard let svg else {
                throw InputError("\(w.exploration.analysis.input.sourceName): no reasoning paths found; there is no graph to draw frames from")
            }
            frameTexts = try frames(w, svg: svg)
        }
        let handout = try pdfPath.map { _ in try pdf(w) }

        var written: [String] = []
        if let htmlPath, let page {
            try AtomicFileWriter.write(Array(page.utf8), to: htmlPath)
            written.append(htmlPath)
        }
        if let framesDirectory, let frameTexts {
            try Self.writeFrames(frameTexts, to: framesDirectory)
            written.append(framesDirectory)
        }
        if let pdfPath, let handout {
            try AtomicFileWriter.write(handout, to: pdfPath)
            written.append(pdfPath)
        }
        return written
    }

    /// Refuses destinations that cannot be written before anything is rendered or written: a file path that is a
    /// folder, a frames folder that is a file, or the same path given twice.
    static func checkDestinations(files: [String], folder: String?) throws {
        let fm = FileManager.default
        var seen = Set<String>()
        for path in files + (folder.map { [$0] } ?? []) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if !seen.insert(key).inserted { throw InputError("\(path): given for two outputs") }
        }
        for path in files {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw InputError("\(path): is a directory; give a file name")
            }
        }
        if let folder {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw InputError("\(folder): exists and is not a folder")
            }
        }
    }

    /// `frame-001.svg`, `frame-002.svg`, … (at least three digits).
    public static func frameName(_ number: Int, of total: Int) -> String {
        let digits = max(3, String(total).count)
        let n = String(number)
        return "frame-" + String(repeating: "0", count: max(0, digits - n.count)) + n + ".svg"
    }

    /// Writes the frames into a staging folder beside `directory`, then moves them in (replacing older frames, and
    /// removing older frames beyond the new count). A new folder is created by renaming the staging folder.
    static func writeFrames(_ frames: [String], to directory: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw InputError("\(directory): exists and is not a folder") }
        let parent = target.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw InputError("\(directory): cannot create folder \(parent.path)")
        }
        let staging = StagedFile(for: target, kind: "frames")
        do {
            try fm.createDirectory(at: staging.url, withIntermediateDirectories: false)
            for (i, frame) in frames.enumerated() {
                try Data(frame.utf8).write(to: staging.url.appendingPathComponent(frameName(i + 1, of: frames.count)))
            }
        } catch {
            staging.discard()
            throw InputError("\(directory): cannot write frames: \((error as NSError).localizedDescription)")
        }
        if !exists {
            try staging.commit(displayPath: directory)
            return
        }
        let names = (0..<frames.count).map { frameName($0 + 1, of: frames.count) }
        try staging.settle {
            for name in names
            where rename(staging.url.appendingPathComponent(name).path, target.appendingPathComponent(name).path) != 0 {
                throw InputError("\(directory)/\(name): cannot write: \(String(cString: strerror(errno)))")
            }
        }
        let keep = Set(names)
        for old in (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
        where old.hasPrefix("frame-") && old.hasSuffix(".svg") && !keep.contains(old)
            && old.dropFirst(6).dropLast(4).allSatisfy(\.isNumber) {
            try? fm.removeItem(at: target.appendingPathComponent(old))
        }
    }

    private func resource(_ name: String) throws -> String {
        let path = templateDirectory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): missing (the walkthrough templates are incomplete)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
