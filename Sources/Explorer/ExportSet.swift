import Foundation
import GraphRendering

/// The files one `ddx explore` run writes — the report and its exports beside it with the same base name — written
/// all or nothing: every file is first written in full to a temporary file next to its target, and only when all of
/// them are complete are they renamed into place. A failure before that removes every temporary file, so a run never
/// leaves a half-written or half-updated set behind.
///
/// ```swift
/// let formats = try ExportSet.formats("svg,png,json")
/// let paths = ExportSet.paths(report: "ddx-out/cough.html", formats: formats)  // ddx-out/cough.svg, …
/// ```
public enum ExportSet {
    /// The formats named by a comma-separated list (`svg,png,pdf,dot,mmd,json`, also `mermaid`, `gv`, or `all`);
    /// a one-line error naming an unknown one.
    public static func formats(_ list: String) throws -> [DiagramFormat] {
        var out: [DiagramFormat] = []
        for raw in list.split(separator: ",", omittingEmptySubsequences: true) {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            if name == "all" {
                out += DiagramFormat.allCases
                continue
            }
            guard let format = DiagramFormat(fileExtension: name) else {
                throw InputError("--export: unknown format '\(name)'; use a comma-separated list of \(DiagramFormat.allCases.map(\.rawValue).joined(separator: ", ")) or all")
            }
            out.append(format)
        }
        var seen = Set<DiagramFormat>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The export paths beside `report`: its path without the extension, plus each format's extension.
    public static func paths(report: String, formats: [DiagramFormat]) -> [(format: DiagramFormat, path: String)] {
        let base = (report as NSString).deletingPathExtension
        return formats.map { ($0, base + "." + $0.rawValue) }
    }

    /// Writes an HTML page to `path` and each of `formats` beside it (`render` makes the bytes), all or nothing;
    /// returns the export paths in `formats` order. `noun` names the page in the error when an export would replace it
    /// (`report`, `page`).
    static func writePage(_ html: () throws -> String, to path: String, noun: String, exports formats: [DiagramFormat],
                          render: (DiagramFormat) throws -> [UInt8]) throws -> [String] {
        let targets = paths(report: path, formats: formats)
        let pageURL = URL(fileURLWithPath: path).standardizedFileURL
        for target in targets where URL(fileURLWithPath: target.path).standardizedFileURL == pageURL {
            throw InputError("\(path): the \(noun) and its .\(target.format.rawValue) export would be the same file; give the \(noun) an .html name")
        }
        var files: [(path: String, bytes: [UInt8])] = [(path, Array(try html().utf8))]
        for target in targets { files.append((target.path, try render(target.format))) }
        try write(files)
        return targets.map(\.path)
    }

    /// Writes every file, all or nothing (see the type's description). Paths must differ.
    public static func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        var staged: [(file: StagedFile, path: String)] = []
        func discard() { for s in staged { s.file.discard() } }
        for file in files {
            let target = URL(fileURLWithPath: file.path).resolvingSymlinksInPath()
            let dir = target.deletingLastPathComponent()
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                discard()
                throw InputError("\(file.path): is a directory; give a file name")
            }
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                discard()
                throw InputError("\(file.path): cannot create directory \(dir.path)")
            }
            let temp = StagedFile(for: target)
            do { try temp.write(file.bytes, displayPath: file.path) } catch {
                discard()
                throw error
            }
            staged.append((temp, file.path))
        }
        for (offset, s) in staged.enumerated() {
            do { try s.file.commit(displayPath: s.path) } catch {
                for rest in staged[(offset + 1)...] { rest.file.discard() }
                throw error
            }
        }
    }
}
