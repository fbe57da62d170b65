// Big-endian readers and writers for the sfnt (TrueType) container format.

extension Array where Element == UInt8 {
    @inline(__always)
    func u16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }

    @inline(__always)
    func i16(_ offset: Int) -> Int16 {
        Int16(bitPattern: u16(offset))
    }

    @inline(__always)
    func u32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) << 24 | UInt32(self[offset + 1]) << 16
            | UInt32(self[offset + 2]) << 8 | UInt32(self[offset + 3])
    }

    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendU32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF))
        append(UInt8(value & 0xFF))
    }

    mutating func setU16(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func setU32(_ value: UInt32, at offset: Int) {
        self[offset] = UInt8(value >> 24)
        self[offset + 1] = UInt8((value >> 16) & 0xFF)
        self[offset + 2] = UInt8((value >> 8) & 0xFF)
        self[offset + 3] = UInt8(value & 0xFF)
    }

    /// Pads to a multiple of four bytes, as sfnt tables and glyphs must be aligned.
    mutating func padToFourBytes() {
        while count % 4 != 0 { append(0) }
    }
}

/// The sfnt table checksum: the sum of the table's big-endian 32-bit words.
func sfntChecksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var sum: UInt32 = 0
    var index = bytes.startIndex
    while index < bytes.endIndex {
        var word: UInt32 = 0
        for shift in stride(from: 24, through: 0, by: -8) {
            let byte: UInt8 = index < bytes.endIndex ? bytes[index] : 0
            word |= UInt32(byte) << UInt32(shift)
            index += 1
        }
        sum &+= word
    }
    return sum
}
