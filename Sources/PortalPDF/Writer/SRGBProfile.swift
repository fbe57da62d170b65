import Foundation

/// A minimal ICC v2 display profile for sRGB (IEC 61966-2.1), built in code so
/// the output intent needs no file from the system. Primaries are the
/// Bradford-adapted D50 values every sRGB v2 profile carries; the tone curve
/// is sampled from the sRGB transfer function.
enum SRGBProfile {
    static let bytes: [UInt8] = build()
    /// Compressed once per process: the profile is the same in every document.
    static let zlibCompressed: [UInt8] = Deflate.zlib(bytes)

    private static func s15Fixed16(_ value: Double) -> UInt32 {
        UInt32(bitPattern: Int32((value * 65536).rounded()))
    }

    private static func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        var tag: [UInt8] = Array("XYZ ".utf8) + [0, 0, 0, 0]
        for value in [x, y, z] { tag.appendU32(s15Fixed16(value)) }
        return tag
    }

    private static func curve() -> [UInt8] {
        var tag: [UInt8] = Array("curv".utf8) + [0, 0, 0, 0]
        let count = 1024
        tag.appendU32(UInt32(count))
        for index in 0..<count {
            let v = Double(index) / Double(count - 1)
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            tag.appendU16(UInt16((linear * 65535).rounded()))
        }
        return tag
    }

    private static func description(_ text: String) -> [UInt8] {
        var tag: [UInt8] = Array("desc".utf8) + [0, 0, 0, 0]
        tag.appendU32(UInt32(text.utf8.count + 1))
        tag += Array(text.utf8) + [0]
        tag += [UInt8](repeating: 0, count: 4 + 4 + 2 + 1 + 67)  // empty Unicode and ScriptCode parts
        return tag
    }

    private static func text(_ text: String) -> [UInt8] {
        Array("text".utf8) + [0, 0, 0, 0] + Array(text.utf8) + [0]
    }

    private static func build() -> [UInt8] {
        let trc = curve()
        let tags: [(String, [UInt8])] = [
            ("desc", description("sRGB IEC61966-2.1")),
            ("cprt", text("No copyright, use freely")),
            ("wtpt", xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", trc), ("gTRC", trc), ("bTRC", trc),
        ]
        var table: [UInt8] = [], data: [UInt8] = []
        table.appendU32(UInt32(tags.count))
        let dataStart = 128 + 4 + tags.count * 12
        var trcOffset: Int?
        for (signature, bytes) in tags {
            // The three tone curves share one copy of the data, as the ICC format allows.
            let shared = signature.hasSuffix("TRC") ? trcOffset : nil
            let offset = shared ?? dataStart + data.count
            if shared == nil {
                data += bytes
                data.padToFourBytes()
                if signature.hasSuffix("TRC") { trcOffset = offset }
            }
            table += Array(signature.utf8)
            table.appendU32(UInt32(offset))
            table.appendU32(UInt32(bytes.count))
        }
        var header = [UInt8](repeating: 0, count: 128)
        header.setU32(UInt32(128 + table.count + data.count), at: 0)
        header.setU32(0x0210_0000, at: 8)  // version 2.1
        header.replaceSubrange(12..<16, with: Array("mntr".utf8))
        header.replaceSubrange(16..<20, with: Array("RGB ".utf8))
        header.replaceSubrange(20..<24, with: Array("XYZ ".utf8))
        for (index, value) in [1998, 2, 9, 6, 49, 0].enumerated() { header.setU16(UInt16(value), at: 24 + index * 2) }
        header.replaceSubrange(36..<40, with: Array("acsp".utf8))
        header.setU32(s15Fixed16(0.9642), at: 68)
        header.setU32(s15Fixed16(1.0), at: 72)
        header.setU32(s15Fixed16(0.8249), at: 76)
        return header + table + data
    }
}
