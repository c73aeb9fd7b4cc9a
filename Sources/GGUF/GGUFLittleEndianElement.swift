/// Fixed-size array elements that can be copied from the file and fixed up on big-endian hosts.
protocol GGUFLittleEndianElement {
    /// The value whose bytes were read in little-endian order, in host order.
    var fromLittleEndian: Self { get }
}

extension UInt8: GGUFLittleEndianElement { var fromLittleEndian: UInt8 { self } }
extension Int8: GGUFLittleEndianElement { var fromLittleEndian: Int8 { self } }
extension UInt16: GGUFLittleEndianElement { var fromLittleEndian: UInt16 { UInt16(littleEndian: self) } }
extension Int16: GGUFLittleEndianElement { var fromLittleEndian: Int16 { Int16(littleEndian: self) } }
extension UInt32: GGUFLittleEndianElement { var fromLittleEndian: UInt32 { UInt32(littleEndian: self) } }
extension Int32: GGUFLittleEndianElement { var fromLittleEndian: Int32 { Int32(littleEndian: self) } }
extension UInt64: GGUFLittleEndianElement { var fromLittleEndian: UInt64 { UInt64(littleEndian: self) } }
extension Int64: GGUFLittleEndianElement { var fromLittleEndian: Int64 { Int64(littleEndian: self) } }
extension Float: GGUFLittleEndianElement {
    var fromLittleEndian: Float { Float(bitPattern: UInt32(littleEndian: bitPattern)) }
}
extension Double: GGUFLittleEndianElement {
    var fromLittleEndian: Double { Double(bitPattern: UInt64(littleEndian: bitPattern)) }
}
