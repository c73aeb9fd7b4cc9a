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

    /// Re-executes the current program with `OPENBLAS_CORETYPE` set when `coreTypeCorrection` asks for it (the
    /// variable is read by OpenBLAS's load-time constructor, so setting it in-process is too late). Returns only
    /// when no fix is needed or the re-exec failed; `DDX_NO_BLAS_REEXEC=1` disables it.
    public static func reexecWithCorrectCoreIfNeeded() {
        guard getenv("DDX_NO_BLAS_REEXEC") == nil, let core = coreTypeCorrection else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        setenv("DDX_NO_BLAS_REEXEC", "1", 1)      // never loop, whatever the second start decides
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")             // exec failed: carry on with the slow core
    }
}
