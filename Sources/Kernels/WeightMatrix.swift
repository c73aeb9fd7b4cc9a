/// A row-major weight matrix in GGUF layout: `rows` rows (output features, ggml ne[1]) of `columns` values (ne[0]),
/// each row `format.rowBytes(columns:)` bytes, borrowed from a memory mapping (or any buffer that outlives it).
///
/// F32 data must be 4-byte aligned (GGUF aligns tensor data to 32 bytes); quantised blocks may sit at any offset.
public struct WeightMatrix: @unchecked Sendable {
    public let format: QuantFormat
    public let rows: Int
    public let columns: Int
    public let data: UnsafeRawPointer
    /// Bytes per row.
    public let rowBytes: Int

    public init(format: QuantFormat, rows: Int, columns: Int, data: UnsafeRawPointer) {
        require(rows >= 0 && columns >= 0, "negative matrix shape")
        require(format.supports(columns: columns), "\(format) rows need a multiple of \(format.blockSize) columns, got \(columns)")
        self.format = format
        self.rows = rows
        self.columns = columns
        self.data = data
        self.rowBytes = format.rowBytes(columns: columns)
    }

    /// Total bytes of the matrix.
    public var byteCount: Int { rowBytes * rows }

    /// The start of row `row`.
    @inline(__always)
    public func rowPointer(_ row: Int) -> UnsafeRawPointer { data + row &* rowBytes }

    /// Writes the `columns` values of row `row` to `out`.
    public func dequantizeRow(_ row: Int, into out: UnsafeMutablePointer<Float>) {
        require(row >= 0 && row < rows, "row \(row) out of 0..<\(rows)")
        Dequantize.row(format, rowPointer(row), count: columns, into: out)
    }

    /// Writes rows `rows` one after another (`rows.count × columns` values) to `out`.
    public func dequantizeRows(_ rows: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        require(rows.lowerBound >= 0 && rows.upperBound <= self.rows, "rows \(rows) out of 0..<\(self.rows)")
        if format == .f32 {
            (UnsafeMutableRawPointer(out)).copyMemory(from: rowPointer(rows.lowerBound), byteCount: rows.count &* rowBytes)
            return
        }
        for (i, r) in rows.enumerated() {
            Dequantize.row(format, rowPointer(r), count: columns, into: out + i &* columns)
        }
    }
}
