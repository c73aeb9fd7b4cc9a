/// IEEE 754 binary16 conversions (compiler-rt routines on the x86_64 baseline; the hot conversions are in the C kernels).
public enum Half {
    @inline(__always)
    public static func toFloat(_ bits: UInt16) -> Float { Float(Float16(bitPattern: bits)) }

    /// Round-to-nearest-even, like ggml's `GGML_FP32_TO_FP16` (F16C `vcvtps2ph` with rounding mode 0).
    @inline(__always)
    public static func fromFloat(_ f: Float) -> UInt16 { Float16(f).bitPattern }

    /// `f` rounded to the nearest binary16 value, as a Float.
    @inline(__always)
    public static func round(_ f: Float) -> Float { Float(Float16(f)) }
}

/// bfloat16 conversions (the upper 16 bits of a binary32).
public enum BF16 {
    @inline(__always)
    public static func toFloat(_ bits: UInt16) -> Float { Float(bitPattern: UInt32(bits) << 16) }

    /// Round-to-nearest-even with NaNs kept quiet, as ggml's `ggml_compute_fp32_to_bf16` (ggml-impl.h).
    @inline(__always)
    public static func fromFloat(_ f: Float) -> UInt16 {
        let u = f.bitPattern
        if u & 0x7fff_ffff > 0x7f80_0000 { return UInt16(truncatingIfNeeded: (u >> 16) | 64) }
        return UInt16(truncatingIfNeeded: (u &+ (0x7fff &+ ((u >> 16) & 1))) >> 16)
    }
}
