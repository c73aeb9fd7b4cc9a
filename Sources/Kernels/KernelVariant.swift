internal import CKernels

/// One instruction-set variant of the C kernels (CKernels.h): AVX-512, AVX2, NEON or portable scalar code. Every
/// kernel exists in each variant; the process runs `active`, the widest one the CPU supports, unless `DDX_KERNELS`
/// (`scalar`, `avx2`, `avx512`, `neon`) named another at start-up. One binary runs on any x86_64 or arm64 CPU.
public struct KernelVariant: Sendable, Equatable, CustomStringConvertible {
    /// The CKERN_* level: 0 scalar, 1 AVX2, 2 AVX-512, 3 NEON.
    public let level: Int

    /// The variant the matrix kernels run in this process.
    public static let active = KernelVariant(level: Int(ckern_simd_level()))

    /// Every variant this CPU and build can run, narrowest first.
    public static var supported: [KernelVariant] {
        [CKERN_SCALAR, CKERN_AVX2, CKERN_AVX512, CKERN_NEON].filter { ckern_supported(Int32($0)) != 0 }
            .map { KernelVariant(level: $0) }
    }

    /// "scalar", "AVX2", "AVX-512" or "NEON".
    public var name: String { String(cString: ckern_level_name(Int32(level))) }

    public var description: String { name }

    /// This variant's kernel table (it is supported: `active` and `supported` hold only runnable variants).
    var table: UnsafePointer<ckern_kernel_table> { ckern_kernels(Int32(level))! }

    /// The active variant's table, fetched once.
    nonisolated(unsafe) static let activeTable: UnsafePointer<ckern_kernel_table> = active.table
}
