import Foundation
import GraphRendering

extension Encodable {
    /// The value as JSON for a `<script type="application/json">` block: sorted keys, with `<`, `>`, `&`, `/` and line
    /// separators escaped so no text in it can end the script element (`{}` if it cannot be encoded).
    func scriptJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return RunMetadataEmbedding.inertJSON(String(decoding: data, as: UTF8.self))
    }
}
