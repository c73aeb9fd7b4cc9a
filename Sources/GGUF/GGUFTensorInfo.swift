/// One entry of a GGUF tensor directory: name, shape, type and where its data lies.
public struct GGUFTensorInfo: Sendable, Equatable, CustomStringConvertible {
    /// The tensor's name, e.g. `blk.0.attn_q.weight`.
    public let name: String
    /// ggml order: `dimensions[0]` (ne[0]) varies fastest and is the row length. One to four entries, each ≥ 1.
    public let dimensions: [Int]
    /// The data type; may be unsupported (see `GGUFTensorType.isSupported`).
    public let type: GGUFTensorType
    /// Byte offset of the data relative to `GGUFFile.dataOffset`; a multiple of the file's alignment.
    public let offset: Int
    /// Product of the dimensions (validated not to overflow).
    public private(set) var elementCount: Int
    /// Bytes of the tensor's data; 0 when the type is unsupported.
    public private(set) var byteCount: Int

    /// Validates shape and type and computes the sizes; the error message says what is wrong.
    init(name: String, dimensions: [Int], type: GGUFTensorType, offset: Int) throws(GGUFTensorInfo.Invalid) {
        guard !dimensions.isEmpty, dimensions.count <= 4 else {
            throw Invalid(message: "has \(dimensions.count) dimensions; expected 1 to 4")
        }
        var elements = 1
        for (axis, size) in dimensions.enumerated() {
            guard size >= 1 else { throw Invalid(message: "dimension \(axis) is \(size); dimensions must be at least 1") }
            let (product, overflow) = elements.multipliedReportingOverflow(by: size)
            guard !overflow else {
                throw Invalid(message: "shape \(dimensions) has more elements than fit in a 64-bit integer")
            }
            elements = product
        }
        var bytes = 0
        if let blockSize = type.blockSize {
            guard dimensions[0] % blockSize == 0 else {
                throw Invalid(message: "row length ne[0] = \(dimensions[0]) is not a multiple of the \(type.name) "
                    + "block size \(blockSize)")
            }
            guard let count = type.byteCount(elements: elements) else {
                throw Invalid(message: "shape \(dimensions) of \(type.name) takes more bytes than fit in a 64-bit integer")
            }
            bytes = count
        }
        self.name = name
        self.dimensions = dimensions
        self.type = type
        self.offset = offset
        self.elementCount = elements
        self.byteCount = bytes
    }

    /// `name TYPE [ne0, ne1, …]`.
    public var description: String {
        "\(name) \(type.name) \(dimensions)"
    }

    /// Number of rows: the product of all dimensions but the first.
    public var rowCount: Int { dimensions.dropFirst().reduce(1, *) }

    /// What makes a tensor info invalid (the parser adds which tensor and where).
    struct Invalid: Error {
        let message: String
    }
}
