#if canImport(Glibc)
import Glibc
#endif

extension BLASRuntime {
    /// The `OPENBLAS_CORETYPE` this process should have been started with, when OpenBLAS picked a fallback core
    /// on a CPU that supports better kernels and no override is set; nil when nothing needs fixing.
    public static var coreTypeCorrection: String? {
        guard coreTypeOverride == nil, coreLooksMisdetected else { return nil }
        return recommendedCoreType()
    }

    /// How `correctCoreIfNeeded` fixed the core, for `ddx doctor` and the benchmarks.
    public enum CoreFix: String, Sendable {
        /// OpenBLAS's own choice was kept (no misdetection, an override was set, or the fix is disabled).
        case none
        /// The kernels were re-selected inside this process.
        case inProcess = "in-process"
    }

    /// Whether this process re-selected OpenBLAS's kernels (set once, at start-up, by `correctCoreIfNeeded`).
    nonisolated(unsafe) public private(set) static var coreFix: CoreFix = .none

    /// Fixes a misdetected core (see `coreTypeCorrection`) before any BLAS call. `OPENBLAS_CORETYPE` is read by
    /// OpenBLAS's load-time constructor, so it is set and the selection re-run in-process through
    /// `gotoblas_dynamic_quit`/`gotoblas_dynamic_init`, which OpenBLAS's DYNAMIC_ARCH builds export (0.3.x
    /// `driver/others/dynamic.c`). Without those symbols, or when the re-run still yields a fallback core, the
    /// program re-executes itself once with the variable set. `DDX_NO_BLAS_REEXEC=1` disables both.
    /// Call it first thing in `main`, while the process is single-threaded.
    public static func correctCoreIfNeeded() {
        guard getenv("DDX_NO_BLAS_REEXEC") == nil, let core = coreTypeCorrection else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        if reselectKernelsInProcess() {
            coreFix = .inProcess
            return
        }
        setenv("DDX_NO_BLAS_REEXEC", "1", 1)      // never loop, whatever the second start decides
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")             // exec failed: carry on with the slow core
    }

    /// Re-runs OpenBLAS's core selection with the current environment; true when it now names a non-fallback core.
    private static func reselectKernelsInProcess() -> Bool {
        typealias Hook = @convention(c) () -> Void
        let everywhere = UnsafeMutableRawPointer(bitPattern: 0)     // RTLD_DEFAULT
        guard let quit = dlsym(everywhere, "gotoblas_dynamic_quit"),
              let initialise = dlsym(everywhere, "gotoblas_dynamic_init") else { return false }
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(initialise, to: Hook.self)()
        return !coreLooksMisdetected && coreName != "unknown"
    }
}
