/// The weight encodings the kernels understand, with ggml's block geometry.
///
/// Block sizes and byte counts follow ggml's `block_*` structs (ggml-common.h): a block of
/// `blockSize` values takes `bytesPerBlock` bytes and rows are whole blocks.
public enum QuantFormat: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case f32, f16, bf16, q8_0, q4_0, q4_1, q5_0, q5_1, q4_K, q5_K, q6_K

    /// Maps a ggml type id (as stored in GGUF tensor infos) to a format; nil for types the kernels do not support.
    /// Ids: F32 0, F16 1, Q4_0 2, Q4_1 3, Q5_0 6, Q5_1 7, Q8_0 8, Q4_K 12, Q5_K 13, Q6_K 14, BF16 30.
    public init?(ggmlType: UInt32) {
        switch ggmlType {
        case 0: self = .f32
        case 1: self = .f16
        case 2: self = .q4_0
        case 3: self = .q4_1
        case 6: self = .q5_0
        case 7: self = .q5_1
        case 8: self = .q8_0
        case 12: self = .q4_K
        case 13: self = .q5_K
        case 14: self = .q6_K
        case 30: self = .bf16
        default: return nil
        }
    }

    /// The ggml type id of this format.
    public var ggmlType: UInt32 {
        switch self {
        case .f32: 0
        case .f16: 1
        case .q4_0: 2
        case .q4_1: 3
        case .q5_0: 6
        case .q5_1: 7
        case .q8_0: 8
        case .q4_K: 12
        case .q5_K: 13
        case .q6_K: 14
        case .bf16: 30
        }
    }

    /// Values per block (1 for the float formats).
    public var blockSize: Int {
        switch self {
        case .f32, .f16, .bf16: 1
        case .q8_0, .q4_0, .q4_1, .q5_0, .q5_1: 32
        case .q4_K, .q5_K, .q6_K: 256
        }
    }

    /// Bytes per block.
    public var bytesPerBlock: Int {
        switch self {
        case .f32: 4
        case .f16, .bf16: 2
        case .q8_0: 34   // f16 d + 32 int8
        case .q4_0: 18   // f16 d + 16 bytes of nibbles
        case .q4_1: 20   // f16 d + f16 m + 16 bytes of nibbles
        case .q5_0: 22   // f16 d + 4 bytes of fifth bits + 16 bytes of nibbles
        case .q5_1: 24   // f16 d + f16 m + 4 bytes of fifth bits + 16 bytes of nibbles
        case .q4_K: 144  // f16 d + f16 dmin + 12 scale bytes + 128 nibble bytes
        case .q5_K: 176  // f16 d + f16 dmin + 12 scale bytes + 32 high-bit bytes + 128 nibble bytes
        case .q6_K: 210  // 128 ql + 64 qh + 16 int8 scales + f16 d
        }
    }

    /// True for the block-quantised formats (integer dot products on quantised activations).
    public var isQuantized: Bool {
        switch self {
        case .f32, .f16, .bf16: false
        default: true
        }
    }

    /// Bytes of one row of `columns` values. `columns` must be a multiple of `blockSize`.
    public func rowBytes(columns: Int) -> Int {
        require(columns % blockSize == 0, "\(self): \(columns) columns is not a multiple of the block size \(blockSize)")
        return columns / blockSize * bytesPerBlock
    }

    /// True when a row of `columns` values is a whole number of blocks.
    public func supports(columns: Int) -> Bool { columns >= 0 && columns % blockSize == 0 }

    public var description: String {
        switch self {
        case .f32: "F32"
        case .f16: "F16"
        case .bf16: "BF16"
        case .q8_0: "Q8_0"
        case .q4_0: "Q4_0"
        case .q4_1: "Q4_1"
        case .q5_0: "Q5_0"
        case .q5_1: "Q5_1"
        case .q4_K: "Q4_K"
        case .q5_K: "Q5_K"
        case .q6_K: "Q6_K"
        }
    }
}

/// A precondition that survives `-Ounchecked` (which Kernels is built with, and which turns `precondition` into a
/// no-op). For API-level argument checks only, never inside loops.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
