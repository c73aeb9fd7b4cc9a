/// A ggml tensor data type id (`ggml_type`). Any uint32 can be represented, so files with types this module
/// cannot size still open; `blockSize`/`bytesPerBlock` are nil for those ("unsupported").
public struct GGUFTensorType: Sendable, Hashable, CustomStringConvertible {
    /// The id as stored in the tensor info.
    public let rawValue: UInt32

    /// Wraps any id, known or not.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// 32-bit float.
    public static let f32 = GGUFTensorType(rawValue: 0)
    /// IEEE half float.
    public static let f16 = GGUFTensorType(rawValue: 1)
    /// 4-bit quants, one half-float scale per 32.
    public static let q4_0 = GGUFTensorType(rawValue: 2)
    /// 4-bit quants, scale and minimum per 32.
    public static let q4_1 = GGUFTensorType(rawValue: 3)
    /// 5-bit quants, one scale per 32.
    public static let q5_0 = GGUFTensorType(rawValue: 6)
    /// 5-bit quants, scale and minimum per 32.
    public static let q5_1 = GGUFTensorType(rawValue: 7)
    /// 8-bit quants, one scale per 32.
    public static let q8_0 = GGUFTensorType(rawValue: 8)
    /// 8-bit quants, scale and sum per 32.
    public static let q8_1 = GGUFTensorType(rawValue: 9)
    /// 2-bit k-quants, 256-element super-blocks.
    public static let q2_K = GGUFTensorType(rawValue: 10)
    /// 3-bit k-quants.
    public static let q3_K = GGUFTensorType(rawValue: 11)
    /// 4-bit k-quants.
    public static let q4_K = GGUFTensorType(rawValue: 12)
    /// 5-bit k-quants.
    public static let q5_K = GGUFTensorType(rawValue: 13)
    /// 6-bit k-quants.
    public static let q6_K = GGUFTensorType(rawValue: 14)
    /// 8-bit k-quants (intermediate type).
    public static let q8_K = GGUFTensorType(rawValue: 15)
    /// 8-bit integer.
    public static let i8 = GGUFTensorType(rawValue: 24)
    /// 16-bit integer.
    public static let i16 = GGUFTensorType(rawValue: 25)
    /// 32-bit integer.
    public static let i32 = GGUFTensorType(rawValue: 26)
    /// 64-bit integer.
    public static let i64 = GGUFTensorType(rawValue: 27)
    /// 64-bit float.
    public static let f64 = GGUFTensorType(rawValue: 28)
    /// bfloat16.
    public static let bf16 = GGUFTensorType(rawValue: 30)

    /// Every type whose layout size this module knows (the ones `tensorData` serves).
    public static let supported: [GGUFTensorType] = [
        .f32, .f16, .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q8_1, .q2_K, .q3_K, .q4_K, .q5_K, .q6_K, .q8_K,
        .i8, .i16, .i32, .i64, .f64, .bf16,
    ]

    /// ggml's name (`F32`, `Q4_K`, `IQ2_XXS`, …) or `type N` for ids ggml does not define.
    public var name: String {
        if let layout = Self.layout(rawValue) { return layout.name }
        switch rawValue {
        case 4: return "Q4_2"
        case 5: return "Q4_3"
        case 16: return "IQ2_XXS"
        case 17: return "IQ2_XS"
        case 18: return "IQ3_XXS"
        case 19: return "IQ1_S"
        case 20: return "IQ4_NL"
        case 21: return "IQ3_S"
        case 22: return "IQ2_S"
        case 23: return "IQ4_XS"
        case 29: return "IQ1_M"
        case 31: return "Q4_0_4_4"
        case 32: return "Q4_0_4_8"
        case 33: return "Q4_0_8_8"
        case 34: return "TQ1_0"
        case 35: return "TQ2_0"
        case 39: return "MXFP4"
        default: return "type \(rawValue)"
        }
    }

    /// Same as `name`.
    public var description: String { name }

    /// Elements per block (1 for plain number types, 32 or 256 for quantised ones); nil when unsupported.
    public var blockSize: Int? { Self.layout(rawValue)?.blockSize }

    /// Bytes per block; nil when unsupported.
    public var bytesPerBlock: Int? { Self.layout(rawValue)?.bytesPerBlock }

    /// Whether the block layout is known, so the tensor's byte size can be computed.
    public var isSupported: Bool { Self.layout(rawValue) != nil }

    /// Bytes taken by `elements` values of this type; nil when the type is unsupported, `elements` is negative
    /// or not a whole number of blocks, or the size overflows `Int`.
    public func byteCount(elements: Int) -> Int? {
        guard let layout = Self.layout(rawValue), elements >= 0, elements % layout.blockSize == 0 else { return nil }
        let (bytes, overflow) = (elements / layout.blockSize).multipliedReportingOverflow(by: layout.bytesPerBlock)
        return overflow ? nil : bytes
    }

    /// Name, block size and block bytes of the supported types (ggml's `ggml-common.h` block structs).
    private static func layout(_ id: UInt32) -> (name: String, blockSize: Int, bytesPerBlock: Int)? {
        switch id {
        case 0: ("F32", 1, 4)
        case 1: ("F16", 1, 2)
        case 2: ("Q4_0", 32, 18)
        case 3: ("Q4_1", 32, 20)
        case 6: ("Q5_0", 32, 22)
        case 7: ("Q5_1", 32, 24)
        case 8: ("Q8_0", 32, 34)
        case 9: ("Q8_1", 32, 36)
        case 10: ("Q2_K", 256, 84)
        case 11: ("Q3_K", 256, 110)
        case 12: ("Q4_K", 256, 144)
        case 13: ("Q5_K", 256, 176)
        case 14: ("Q6_K", 256, 210)
        case 15: ("Q8_K", 256, 292)
        case 24: ("I8", 1, 1)
        case 25: ("I16", 1, 2)
        case 26: ("I32", 1, 4)
        case 27: ("I64", 1, 8)
        case 28: ("F64", 1, 8)
        case 30: ("BF16", 1, 2)
        default: nil
        }
    }
}
