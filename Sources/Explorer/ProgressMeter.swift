import Dispatch
import Foundation
import Synchronization

/// Progress of a long run on standard error: a redrawn bar (done/total, items/s, ETA) when stderr is a terminal,
/// a plain line every few seconds otherwise, or nothing.
///
/// ```swift
/// let meter = ProgressMeter(total: 32_000, style: ProgressMeter.defaultStyle(quiet: false))
/// meter.start { (done: counters.done, processed: counters.analysed) }
/// …
/// meter.finish()
/// ```
public final class ProgressMeter: Sendable {
    /// How progress is shown.
    public enum Style: Sendable, Equatable {
        /// A bar redrawn in place (`\r`), for terminals.
        case bar
        /// A full line every `interval` seconds, for logs and pipes.
        case lines(interval: Double)
        /// Nothing.
        case silent
    }

    /// What the meter reads on each tick: entries done (skipped ones included) and entries processed this run.
    public typealias Reading = @Sendable () -> (done: Int, processed: Int)

    public let total: Int
    public let style: Style
    private let label: String
    private let write: @Sendable (String) -> Void
    private let state = Mutex<State>(State())

    private struct State: @unchecked Sendable {
        var timer: (any DispatchSourceTimer)?
        var reading: Reading?
        var start: UInt64 = 0
        var lastLine: UInt64 = 0
        var drewBar = false
        var finished = false
    }

    /// `bar` when standard error is a terminal, else a line every 10 s; `silent` when `quiet`.
    public static func defaultStyle(quiet: Bool) -> Style {
        if quiet { return .silent }
        return isatty(STDERR_FILENO) == 1 ? .bar : .lines(interval: 10)
    }

    public init(total: Int, style: Style, label: String = "ddx batch",
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.total = total
        self.style = style
        self.label = label
        self.write = write
    }

    /// Starts ticking (5 times a second for a bar, once a second for lines).
    public func start(reading: @escaping Reading) {
        guard style != .silent else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let period: Double = style == .bar ? 0.2 : 1
        timer.schedule(deadline: .now() + period, repeating: period)
        timer.setEventHandler { [weak self] in self?.tick(final: false) }
        state.withLock { s in
            s.reading = reading
            s.start = DispatchTime.now().uptimeNanoseconds
            s.lastLine = s.start
            s.timer = timer
        }
        timer.resume()
    }

    /// Stops ticking and prints the final state (a bar is completed with a line break).
    public func finish() {
        let timer = state.withLock { s -> (any DispatchSourceTimer)? in
            let t = s.timer
            s.timer = nil
            return t
        }
        timer?.cancel()
        tick(final: true)
    }

    private func tick(final: Bool) {
        let output: String? = state.withLock { s in
            guard !s.finished, let reading = s.reading else { return nil }
            if final { s.finished = true }
            let now = DispatchTime.now().uptimeNanoseconds
            let (done, processed) = reading()
            let elapsed = Double(now - s.start) / 1e9
            switch style {
            case .silent:
                return nil
            case .bar:
                s.drewBar = true
                let text = Self.bar(done: done, processed: processed, total: total, elapsed: elapsed, label: label)
                return "\r" + text + "\u{1B}[K" + (final ? "\n" : "")
            case .lines(let interval):
                guard final || Double(now - s.lastLine) / 1e9 >= interval else { return nil }
                s.lastLine = now
                return Self.line(done: done, processed: processed, total: total, elapsed: elapsed, label: label) + "\n"
            }
        }
        if let output { write(output) }
    }

    /// `label [#######.......] 1,234/32,000 (3.9%) 950 items/s ETA 0:33`.
    public static func bar(done: Int, processed: Int, total: Int, elapsed: Double, label: String, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "\(label) [\(bar)] " + figures(done: done, processed: processed, total: total, elapsed: elapsed)
    }

    /// `label: 1,234/32,000 items (3.9%), 950 items/s, ETA 0:33`.
    public static func line(done: Int, processed: Int, total: Int, elapsed: Double, label: String) -> String {
        "\(label): " + figures(done: done, processed: processed, total: total, elapsed: elapsed)
    }

    private static func figures(done: Int, processed: Int, total: Int, elapsed: Double) -> String {
        let percent = total > 0 ? Double(done) * 100 / Double(total) : 100
        let rate = elapsed > 0 ? Double(processed) / elapsed : 0
        var text = "\(grouped(done))/\(grouped(total)) (\(BenchmarkStatistics.format(percent, decimals: 1))%)"
        text += ", \(grouped(Int(rate.rounded()))) items/s"
        if done < total {
            text += rate > 0 ? ", ETA \(duration(Double(total - done) / rate))" : ", ETA --"
        } else {
            text += ", \(duration(elapsed))"
        }
        return text
    }

    /// `1,234,567`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// `0:07`, `12:34`, `1:02:03`.
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let h = s / 3600, m = s / 60 % 60, sec = s % 60
        let mm = h > 0 && m < 10 ? "0\(m)" : "\(m)"
        let ss = sec < 10 ? "0\(sec)" : "\(sec)"
        return h > 0 ? "\(h):\(mm):\(ss)" : "\(mm):\(ss)"
    }
}
