import Foundation

/// Finds the `Templates/` folder the report (and prompt) templates come from: `--templates DIR` (a copy of the whole
/// folder, so `DIR/report/…` and `DIR/prompts/…`), else `$DDX_TEMPLATES_DIR`, else the shipped `Templates/` found
/// from the working directory or the executable upwards.
///
/// ```swift
/// let report = try TemplateLocator.reportDirectory(explicit: nil)   // ".../Templates/report"
/// ```
public enum TemplateLocator {
    /// The file every report template folder must hold.
    public static let reportMarker = "report/report.mustache"

    /// The `Templates/` folder: `explicit`, else `$DDX_TEMPLATES_DIR`, else the shipped one; nil when none is found.
    public static func templatesDirectory(explicit: String?,
                                          environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit { return explicit }
        if let dir = environment["DDX_TEMPLATES_DIR"], !dir.isEmpty { return dir }
        return ResourceDirectory.find("Templates", containing: reportMarker)
    }

    /// The `report/` folder inside the templates folder; a one-line error naming the folder when it has no
    /// `report/report.mustache`.
    public static func reportDirectory(explicit: String?,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let base = templatesDirectory(explicit: explicit, environment: environment) else {
            throw InputError("no Templates/ folder found (the shipped one is missing); pass --templates DIR or set DDX_TEMPLATES_DIR")
        }
        let report = (base as NSString).appendingPathComponent("report")
        guard FileManager.default.fileExists(atPath: (base as NSString).appendingPathComponent(reportMarker)) else {
            let via = explicit != nil ? "--templates" : (environment["DDX_TEMPLATES_DIR"].map { !$0.isEmpty } == true ? "DDX_TEMPLATES_DIR" : "Templates")
            throw InputError("\(report): no report.mustache (\(via) must name a copy of the Templates folder, with report/ inside)")
        }
        return report
    }

    /// The folder of page templates `name` (`compare`, …) inside the templates folder; a one-line error naming it when
    /// it has no `marker` file.
    public static func pageDirectory(_ name: String, marker: String, explicit: String?,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let base = templatesDirectory(explicit: explicit, environment: environment) else {
            throw InputError("no Templates/ folder found (the shipped one is missing); pass --templates DIR or set DDX_TEMPLATES_DIR")
        }
        let dir = (base as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(marker)) else {
            throw InputError("\(dir): no \(marker) (a copy of the Templates folder needs \(name)/ with its templates)")
        }
        return dir
    }

    /// The prompt templates folder to use with `explicit`: `DIR/prompts` when that exists, else the default
    /// (`PromptTemplate.defaultDirectory`).
    public static func promptsDirectory(explicit: String?,
                                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = templatesDirectory(explicit: explicit, environment: environment) {
            let prompts = (base as NSString).appendingPathComponent("prompts")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prompts, isDirectory: &isDirectory), isDirectory.boolValue {
                return prompts
            }
        }
        return PromptTemplate.defaultDirectory(environment: environment)
    }
}
