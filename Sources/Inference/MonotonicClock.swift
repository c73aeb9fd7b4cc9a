#if canImport(Glibc)
import Glibc
#endif

/// Seconds from a monotonic clock, for timings that must not jump with the wall clock.
public enum MonotonicClock {
    public static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
