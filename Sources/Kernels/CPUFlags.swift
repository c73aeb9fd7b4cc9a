#if canImport(Glibc)
import Glibc
#endif

/// Reads the CPU feature flags the kernel reports in `/proc/cpuinfo`.
public enum CPUFlags {
    /// The first `flags` line of `/proc/cpuinfo` as a set, or nil where that file is not readable.
    public static func current(path: String = "/proc/cpuinfo") -> Set<String>? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var cap = 0
        defer { free(line) }
        while getline(&line, &cap, f) > 0 {
            guard let l = line else { break }
            let s = String(cString: l)
            if let flags = parse(cpuinfoLine: s) { return flags }
        }
        return nil
    }

    /// The flags in one `/proc/cpuinfo` line if it is the `flags` line (`flags\t\t: fpu vme …`), else nil.
    public static func parse(cpuinfoLine s: String) -> Set<String>? {
        guard s.hasPrefix("flags"), let colon = s.firstIndex(of: ":") else { return nil }
        let rest = s[s.index(after: colon)...]
        return Set(rest.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init))
    }
}
