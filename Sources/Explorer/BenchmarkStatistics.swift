/// Small helpers shared by the benchmarks: medians and human-readable durations.
public enum BenchmarkStatistics {
    /// The median of `values` (mean of the middle two for an even count; zero when empty).
    public static func median(_ values: [Duration]) -> Duration {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .zero }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `d` in seconds as a Double.
    public static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `d` in milliseconds with one decimal, e.g. `12.3`.
    public static func milliseconds(_ d: Duration) -> String {
        format(seconds(d) * 1000, decimals: 1)
    }

    /// `value` with a fixed number of decimals (no Foundation formatting needed).
    public static func format(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var s = String(rounded)
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
            if decimals == 0 { s = String(s[..<dot]) }
        } else if decimals > 0 {
            s += "." + String(repeating: "0", count: decimals)
        }
        return s
    }
}
