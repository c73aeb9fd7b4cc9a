internal import CGraphviz
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide libgvc context and the lock that serialises every Graphviz call.
///
/// Graphviz is not thread-safe, not even with one context per thread (cgraph and ltdl keep global
/// state), so all work — context creation included — runs inside `run(_:)`, which holds one
/// process-wide lock. The context is created on first use and lives for the rest of the process.
/// When libgvc's plugin configuration is missing it has no plugins; the context is then rebuilt
/// from plugin libraries loaded by `GraphvizPluginLoader`.
final class GraphvizContext: @unchecked Sendable {
    // @unchecked: the pointers are only dereferenced by Graphviz calls made while the lock is held.

    /// The `GVC_t *`.
    let gvc: OpaquePointer
    /// True when the plugins came from `GraphvizPluginLoader` rather than libgvc's configuration.
    let usesFallbackPlugins: Bool
    /// `gvcVersion`.
    let version: String
    /// Layout engines (`dot`, `neato`, …).
    let layoutPlugins: [String]
    /// Renderers (`svg` via core, `cairo`, `gd`, …).
    let renderPlugins: [String]
    /// Output devices (`svg`, `png`, `pdf`, …).
    let devicePlugins: [String]
    /// Text layout plugins (`textlayout` when pango is present).
    let textLayoutPlugins: [String]
    private let fallbackTable: GraphvizPluginLoader.Table?

    /// The process-wide Graphviz lock. An `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`, whose
    /// futex-based lock ThreadSanitizer cannot see: under `--sanitize=thread` every Graphviz call looked like a race.
    private static let lock = NSLock()
    /// The shared context, created on first use; read and written only while `lock` is held.
    nonisolated(unsafe) private static var sharedContext: GraphvizContext?

    private init(gvc: OpaquePointer, fallbackTable: GraphvizPluginLoader.Table?) {
        self.gvc = gvc
        self.fallbackTable = fallbackTable
        self.usesFallbackPlugins = fallbackTable != nil
        self.version = gvcVersion(gvc).map { String(cString: $0) } ?? "unknown"
        self.layoutPlugins = Self.pluginList(gvc, kind: "layout")
        self.renderPlugins = Self.pluginList(gvc, kind: "render")
        self.devicePlugins = Self.pluginList(gvc, kind: "device")
        self.textLayoutPlugins = Self.pluginList(gvc, kind: "textlayout")
    }

    /// Runs `body` with the shared context while holding the process-wide Graphviz lock.
    /// Graphviz's messages are cleared before `body` runs, so `GraphvizMessages.take()` sees only its own.
    static func run<R: Sendable>(_ body: (GraphvizContext) throws -> R) throws -> R {
        lock.lock()
        defer { lock.unlock() }
        let context: GraphvizContext
        if let existing = sharedContext {
            context = existing
        } else {
            context = makeShared()
            sharedContext = context
        }
        GraphvizMessages.reset()
        return try body(context)
    }

    /// Creates the shared context: libgvc's own configuration, or the dlopen fallback when that has
    /// no layout plugins. Call only under the lock.
    private static func makeShared() -> GraphvizContext {
        GraphvizMessages.install()
        let standard = GraphvizContext(gvc: gvContext(), fallbackTable: nil)
        if !standard.layoutPlugins.isEmpty { return standard }
        guard let fallback = makeFallback() else { return standard }
        standard.release()
        return fallback
    }

    /// A context built from plugin libraries loaded by hand, or nil when they cannot be found.
    /// Call only under the lock (tests use it inside `run` to check the fallback, then keep it: see `release()`).
    static func makeFallback() -> GraphvizContext? {
        guard let table = GraphvizPluginLoader.load(),
              let gvc = gvContextPlugins(table.symbols, 0) else { return nil }
        return GraphvizContext(gvc: gvc, fallbackTable: table)
    }

    /// Frees the libgvc context (and its fallback table). Only for contexts that are not shared and never laid out
    /// text: Graphviz 2.42's pango plugin keeps a pointer to the font name it measured last, which the measuring
    /// context owns, so a later layout in another context would read freed memory (found by AddressSanitizer).
    func release() {
        _ = gvFreeContext(gvc)
        fallbackTable?.deallocate()
    }

    /// Whether libgvc can produce `format` (the formats ddx writes itself are always available).
    func supports(_ format: DiagramFormat) -> Bool {
        guard let renderer = Self.renderer(for: format) else { return true }
        return layoutPlugins.contains("dot") && devicePlugins.contains(renderer.device)
            && renderPlugins.contains(renderer.plugin)
    }

    /// The `gvRenderData` format string for a Graphviz-rendered format and the plugins it needs.
    static func renderer(for format: DiagramFormat) -> (spec: String, device: String, plugin: String)? {
        switch format {
        case .svg: ("svg:svg:core", "svg", "svg")
        case .png: ("png:cairo", "png", "cairo")
        case .pdf: ("pdf:cairo", "pdf", "cairo")
        case .dot, .mmd, .json: nil
        }
    }

    /// `gvPluginList` as Swift strings; the malloc'd C strings and array are freed.
    private static func pluginList(_ gvc: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        var names: [String] = []
        for index in 0..<Int(count) {
            if let name = list[index] {
                names.append(String(cString: name))
                free(name)
            }
        }
        free(list)
        return names
    }
}
