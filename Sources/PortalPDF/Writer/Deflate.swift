/// A small zlib (RFC 1950/1951) compressor for /FlateDecode streams:
/// LZ77 with hash chains and the fixed Huffman code. It gets font programs
/// and content streams to about half their size at a fraction of a
/// millisecond, with no C library binding.
enum Deflate {
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// Length (3...258) to its index in `lengthBase`.
    private static let lengthIndex: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for index in 0..<lengthBase.count {
            let end = index + 1 < lengthBase.count ? lengthBase[index + 1] : 259
            for length in lengthBase[index]..<end { table[length] = UInt8(index) }
        }
        table[258] = 28
        return table
    }()

    private struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var count = 0

        mutating func write(_ value: Int, _ bits: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += bits
            while count >= 8 {
                bytes.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                count -= 8
            }
        }

        /// Huffman codes go most significant bit first.
        mutating func writeCode(_ code: Int, _ bits: Int) {
            var reversed = 0
            for bit in 0..<bits where code & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            write(reversed, bits)
        }

        mutating func flush() {
            if count > 0 { bytes.append(UInt8(buffer & 0xFF)) }
            buffer = 0
            count = 0
        }
    }

    private static func writeLiteral(_ value: Int, _ out: inout BitWriter) {
        switch value {
        case 0...143: out.writeCode(0x30 + value, 8)
        case 144...255: out.writeCode(0x190 + value - 144, 9)
        case 256...279: out.writeCode(value - 256, 7)
        default: out.writeCode(0xC0 + value - 280, 8)
        }
    }

    private static func writeMatch(length: Int, distance: Int, _ out: inout BitWriter) {
        let index = Int(lengthIndex[length])
        writeLiteral(257 + index, &out)
        if lengthExtra[index] > 0 { out.write(length - lengthBase[index], lengthExtra[index]) }
        var code = distanceBase.count - 1
        while distanceBase[code] > distance { code -= 1 }
        out.writeCode(code, 5)
        if distanceExtra[code] > 0 { out.write(distance - distanceBase[code], distanceExtra[code]) }
    }

    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.bytes.reserveCapacity(data.count / 2 + 64)
        out.bytes += [0x78, 0x01]
        out.write(1, 1)  // final block
        out.write(1, 2)  // fixed Huffman codes
        data.withUnsafeBufferPointer { input in compress(input, into: &out) }
        writeLiteral(256, &out)
        out.flush()
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out.bytes.appendU32(b << 16 | a)
        return out.bytes
    }

    /// Greedy LZ77 over a 32 KiB window; unchecked buffers because this loop
    /// dominates rendering time.
    private static func compress(_ data: UnsafeBufferPointer<UInt8>, into out: inout BitWriter) {
        let hashSize = 1 << 15, window = 32_768, maxChain = 16
        var head = [Int32](repeating: -1, count: hashSize)
        var previous = [Int32](repeating: -1, count: max(data.count, 1))
        head.withUnsafeMutableBufferPointer { head in
            previous.withUnsafeMutableBufferPointer { previous in
                func hash(_ at: Int) -> Int {
                    (Int(data[at]) << 10 ^ Int(data[at + 1]) << 5 ^ Int(data[at + 2])) & (hashSize - 1)
                }
                func insert(_ at: Int) {
                    guard at + 2 < data.count else { return }
                    let key = hash(at)
                    previous[at] = head[key]
                    head[key] = Int32(at)
                }
                var position = 0
                while position < data.count {
                    var bestLength = 0, bestDistance = 0
                    if position + 2 < data.count {
                        var candidate = Int(head[hash(position)]), chain = 0
                        let limit = min(258, data.count - position)
                        while candidate >= 0 && position - candidate <= window && chain < maxChain {
                            if data[candidate + bestLength] == data[position + bestLength] || bestLength == 0 {
                                var length = 0
                                while length < limit && data[candidate + length] == data[position + length] { length += 1 }
                                if length > bestLength {
                                    bestLength = length
                                    bestDistance = position - candidate
                                    if length == limit { break }
                                }
                            }
                            candidate = Int(previous[candidate])
                            chain += 1
                        }
                    }
                    if bestLength >= 3 {
                        writeMatch(length: bestLength, distance: bestDistance, &out)
                        for offset in 0..<bestLength { insert(position + offset) }
                        position += bestLength
                    } else {
                        writeLiteral(Int(data[position]), &out)
                        insert(position)
                        position += 1
                    }
                }
            }
        }
    }
}
