internal import CGraphviz
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads Graphviz plugin libraries by hand for when libgvc's plugin configuration (`config6a`) is
/// missing and `gvContext()` silently ends up with no plugins (see swift-interop.md §2.4).
///
/// The result is a NULL-terminated `lt_symlist_t` table for `gvContextPlugins`; the table and its
/// name strings must outlive the context, so they are released only by `deallocate()`.
struct GraphvizPluginLoader {
    /// A builtin-plugin table and the plugin libraries it came from.
    struct Table {
        /// The NULL-terminated table to hand to `gvContextPlugins`.
        let symbols: UnsafeMutablePointer<lt_symlist_t>
        /// Plugin names that were loaded (`core`, `dot_layout`, …).
        let plugins: [String]
        /// The directory they were loaded from.
        let directory: String
        private let names: [UnsafeMutablePointer<CChar>]

        fileprivate init(symbols: UnsafeMutablePointer<lt_symlist_t>, plugins: [String], directory: String,
                         names: [UnsafeMutablePointer<CChar>]) {
            self.symbols = symbols
            self.plugins = plugins
            self.directory = directory
            self.names = names
        }

        /// Frees the table (only after `gvFreeContext` of the context built from it). The libraries stay loaded.
        func deallocate() {
            for name in names { free(name) }
            symbols.deallocate()
        }
    }

    /// Plugins without which nothing renders.
    static let requiredPlugins = ["core", "dot_layout"]
    /// Plugins loaded when present: neato layouts, cairo (PNG/PDF) with pango text, gd.
    static let optionalPlugins = ["neato_layout", "pango", "gd"]

    /// Where plugin libraries are looked for, in order: `$GVBINDIR`, then the usual install locations.
    static func searchDirectories() -> [String] {
        var dirs: [String] = []
        if let env = getenv("GVBINDIR"), env.pointee != 0 { dirs.append(String(cString: env)) }
        dirs += ["/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz",
                 "/usr/lib/graphviz", "/usr/local/lib/graphviz", "/usr/lib64/graphviz",
                 "/opt/homebrew/lib/graphviz"]
        return dirs
    }

    /// The file name of plugin `name`'s library on this platform.
    static func libraryFileName(_ name: String) -> String {
        #if canImport(Darwin)
        "libgvplugin_\(name).6.dylib"
        #else
        "libgvplugin_\(name).so.6"
        #endif
    }

    /// Loads the plugins from the first directory that has the required ones; nil when none does.
    static func load() -> Table? {
        for directory in searchDirectories() {
            if let table = load(from: directory) { return table }
        }
        return nil
    }

    /// Loads the plugins from `directory`; nil unless all required plugins load.
    static func load(from directory: String) -> Table? {
        var found: [(name: String, library: UnsafeMutableRawPointer)] = []
        for name in requiredPlugins + optionalPlugins {
            let path = directory + "/" + libraryFileName(name)
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
                if requiredPlugins.contains(name) { return nil }
                continue
            }
            guard let library = dlsym(handle, "gvplugin_\(name)_LTX_library") else {
                if requiredPlugins.contains(name) { return nil }
                continue
            }
            found.append((name, library))
        }
        let symbols = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: found.count + 1)
        var names: [UnsafeMutablePointer<CChar>] = []
        for plugin in found {
            guard let name = strdup("gvplugin_\(plugin.name)_LTX_library") else { continue }
            symbols[names.count] = lt_symlist_t(name: UnsafePointer(name), address: plugin.library)
            names.append(name)
        }
        // A NULL name ends the table; skipped strdup failures leave nothing unset before it.
        symbols[names.count] = lt_symlist_t(name: nil, address: nil)
        return Table(symbols: symbols, plugins: found.map(\.name), directory: directory, names: names)
    }
}
