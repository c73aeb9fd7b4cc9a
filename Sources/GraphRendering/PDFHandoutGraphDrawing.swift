internal import CCairo
internal import CGraphviz
import ReasoningPaths
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws the path graph for a handout page: the cgraph graph ddx always builds, greyed outside the page's focus, laid
/// out by `dot` and rendered by Graphviz's cairo renderer (`gvRenderContext` with the `pdf:cairo` device) into a cairo
/// recording surface, which the handout then paints — still as vectors and real text — onto its own PDF page.
///
/// The cairo plugin finishes the target surface when its page ends, which would end the handout's PDF; drawing into
/// a sub-surface of a recording surface keeps that from touching anything but the sub-surface. Call only inside
/// `GraphvizContext.run`.
enum PDFHandoutGraphDrawing {
    /// A drawn graph: the recording surface and the ink rectangle to show.
    final class Recording {
        /// The `cairo_surface_t *` (a recording surface).
        let surface: OpaquePointer
        let x: Double
        let y: Double
        let width: Double
        let height: Double

        init(surface: OpaquePointer, x: Double, y: Double, width: Double, height: Double) {
            self.surface = surface
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        deinit { cairo_surface_destroy(surface) }
    }

    /// Greys used outside the focus.
    static let dimLine = "#d4d4d4"
    static let dimFill = "#f5f5f5"
    static let dimText = "#b4b4b4"

    /// Lays out and records `graph` with `focus` in colour.
    static func record(_ graph: ReasoningGraph, style: GraphStyle, annotations: DiagramAnnotations,
                       focus: PDFHandoutPage.GraphFocus, in context: GraphvizContext) throws -> Recording {
        try GraphvizPipeline.requireRenderer(for: .pdf, in: context)
        let document = GraphvizDocument(graph: graph, style: style, annotations: annotations)
        try document.requireLayoutable()
        let root = try document.build()
        defer { agclose(root) }
        // The page footer carries the disclaimer and fingerprint; the graph's own footer would repeat them.
        set(root, "label", "")
        applyFocus(focus, graph: graph, style: style, root: root)
        GraphvizMessages.reset()
        guard gvLayout(context.gvc, root, "dot") == 0 else {
            throw GraphRenderingError.layoutFailed(GraphvizMessages.take())
        }
        defer { gvFreeLayout(context.gvc, root) }
        let box = boundingBox(root)
        var extents = cairo_rectangle_t(x: 0, y: 0, width: box.width + 400, height: box.height + 400)
        guard let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else {
            throw GraphRenderingError.renderFailed(.pdf, "cairo could not create a recording surface")
        }
        var kept = false
        defer { if !kept { cairo_surface_destroy(recording) } }
        guard let sub = cairo_surface_create_for_rectangle(recording, 0, 0, extents.width, extents.height) else {
            throw GraphRenderingError.renderFailed(.pdf, "cairo could not create a sub-surface")
        }
        let cr = cairo_create(sub)
        let status = gvRenderContext(context.gvc, root, "pdf:cairo", UnsafeMutableRawPointer(cr))
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(sub)
        cairo_surface_destroy(sub)
        guard status == 0, drawStatus == CAIRO_STATUS_SUCCESS,
              cairo_surface_status(recording) == CAIRO_STATUS_SUCCESS else {
            let message = GraphvizMessages.take()
            throw GraphRenderingError.renderFailed(.pdf, message.isEmpty ? String(cString: cairo_status_to_string(drawStatus)) : message)
        }
        var x = 0.0, y = 0.0, w = 0.0, h = 0.0
        cairo_recording_surface_ink_extents(recording, &x, &y, &w, &h)
        kept = true
        return Recording(surface: recording, x: x, y: y, width: max(w, 1), height: max(h, 1))
    }

    /// Greys every node and hop outside `focus` and thickens the emphasised hops. Node and hop objects are found by
    /// the SVG ids the document gives them (`DiagramElementID`).
    static func applyFocus(_ focus: PDFHandoutPage.GraphFocus, graph: ReasoningGraph, style: GraphStyle,
                           root: UnsafeMutablePointer<Agraph_t>) {
        let litNodes = Set(focus.nodes.map(DiagramElementID.node))
        let litHops = Set(focus.hops.map { DiagramElementID.edge(from: $0.from, to: $0.to) })
        let heavy = Set(focus.emphasised.map { DiagramElementID.edge(from: $0.from, to: $0.to) })
        var node = agfstnode(root)
        while let current = node {
            let id = get(current, "id")
            if id.hasPrefix("node-") && !litNodes.contains(id) {
                set(current, "color", dimLine)
                set(current, "fillcolor", dimFill)
                set(current, "fontcolor", dimText)
            }
            var edge = agfstout(root, current)
            while let e = edge {
                let edgeID = get(e, "id")
                if !litHops.contains(edgeID) {
                    set(e, "color", dimLine)
                    set(e, "fontcolor", dimText)
                    set(e, "labelfontcolor", dimText)
                } else if heavy.contains(edgeID) {
                    let width = Double(get(e, "penwidth")) ?? style.edgePenWidth
                    set(e, "penwidth", String((width * 2.2 * 100).rounded() / 100))
                }
                edge = agnxtout(root, e)
            }
            node = agnxtnode(root, current)
        }
    }

    /// The laid-out graph's bounding box (`bb`, points).
    private static func boundingBox(_ root: UnsafeMutablePointer<Agraph_t>) -> (width: Double, height: Double) {
        let parts = get(root, "bb").split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard parts.count == 4 else { return (2000, 2000) }
        return (max(parts[2] - parts[0], 1), max(parts[3] - parts[1], 1))
    }

    private static func get(_ object: UnsafeMutableRawPointer, _ name: String) -> String {
        let value = GraphvizAttributes.withCString(name) { agget(object, $0) }
        return value.map { String(cString: $0) } ?? ""
    }

    private static func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String) {
        _ = GraphvizAttributes.withCStrings(name, value) { n, v in
            GraphvizAttributes.withCString("") { agsafeset(object, n, v, $0) }
        }
    }
}
