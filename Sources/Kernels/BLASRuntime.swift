internal import CKernels
internal import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the OpenBLAS library the process loaded, and the CPU-core fix for misdetection.
///
/// OpenBLAS 0.3.21 misdetects some virtual CPUs as old cores (Prescott) and then runs 5–7× slow.
/// The core is chosen by a load-time constructor from `OPENBLAS_CORETYPE`, so a fix needs a re-exec
/// (see `recommendedCoreType`).
public enum BLASRuntime {
    /// Cores OpenBLAS falls back to on CPUs it does not know; slow on any modern machine.
    public static let fallbackCores: Set<String> = ["prescott", "core2", "nehalem", "sandybridge", "katmai", "coppermine", "northwood", "banias", "atom"]

    /// The kernel family OpenBLAS picked, e.g. `SkylakeX` or `Prescott`.
    public static var coreName: String {
        guard let p = openblas_get_corename() else { return "unknown" }
        return String(cString: p).trimmingSpaces()
    }

    /// OpenBLAS's build configuration string.
    public static var configuration: String {
        guard let p = openblas_get_config() else { return "unknown" }
        return String(cString: p).trimmingSpaces()
    }

    /// Threads OpenBLAS uses for one call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses (process-wide). Calls are serialised and a call that asks for the
    /// current count does nothing: `openblas_set_num_threads` resizes OpenBLAS's own thread pool and is not safe to
    /// run twice at once, and every `WorkerPool` (one per loaded model, several in a batch) asks for 1.
    public static func setThreadCount(_ n: Int) {
        let wanted = Int32(max(1, n))
        pthread_mutex_lock(threadCountLock)
        defer { pthread_mutex_unlock(threadCountLock) }
        if openblas_get_num_threads() != wanted { openblas_set_num_threads(wanted) }
    }

    /// A plain pthread mutex (visible to ThreadSanitizer, unlike `Synchronization.Mutex`), made once.
    nonisolated(unsafe) private static let threadCountLock: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    /// True when the loaded core is one OpenBLAS only picks on CPUs it does not recognise.
    public static var coreLooksMisdetected: Bool { fallbackCores.contains(coreName.lowercased()) }

    /// The `OPENBLAS_CORETYPE` value this CPU should use (`SkylakeX` with AVX-512, `Haswell` with AVX2), or nil when
    /// it offers neither. Asks the CPU itself (CPUID, as the kernel dispatcher does), not `/proc/cpuinfo`, which an
    /// emulator or container may copy from another CPU.
    public static func recommendedCoreType() -> String? {
        let levels = Set(KernelVariant.supported.map(\.level))
        if levels.contains(Int(CKERN_AVX512)) { return "SkylakeX" }
        if levels.contains(Int(CKERN_AVX2)) { return "Haswell" }
        return nil
    }

    /// The value of `OPENBLAS_CORETYPE` in this process's environment, if set.
    public static var coreTypeOverride: String? {
        guard let p = getenv("OPENBLAS_CORETYPE") else { return nil }
        return String(cString: p)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" { s.removeLast() }
        return String(s)
    }
}
