internal import CGraphviz

/// Timing of bare libgvc work, the anchor `RenderBenchmark` compares ddx's renderer against.
public enum GraphvizBenchmarkSupport {
    /// Time for libgvc alone to parse `dot` (`agmemread`), lay it out with `dot` and render it as
    /// `format` in memory (`gvRenderData`), including the frees — no styling or escaping work.
    /// The clock runs inside the Graphviz lock, so waiting for the lock is not counted.
    public static func measureBareLayout(dot: String, format: DiagramFormat = .svg) throws -> Duration {
        guard GraphvizContext.renderer(for: format) != nil else {
            throw GraphRenderingError.renderFailed(format, "bare timing needs svg, png or pdf")
        }
        return try GraphvizContext.run { context in
            try GraphvizPipeline.requireRenderer(for: format, in: context)
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let graph = try GraphvizPipeline.readDOT(dot)
                defer { agclose(graph) }
                _ = try GraphvizPipeline.layoutAndRender(graph, as: format, in: context)
            }
            return clock.now - start
        }
    }
}
