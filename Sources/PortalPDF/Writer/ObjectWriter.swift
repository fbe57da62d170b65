import Crypto

/// Collects numbered indirect objects and writes the file: header, bodies,
/// cross-reference table and trailer. Object numbers are handed out in a
/// fixed order, so the same document always gives the same bytes.
struct ObjectWriter {
    private var bodies: [[UInt8]?] = []

    /// Reserves the next object number (for objects that refer to each other).
    mutating func reserve() -> Int {
        bodies.append(nil)
        return bodies.count
    }

    mutating func set(_ number: Int, _ body: String) {
        bodies[number - 1] = Array(body.utf8)
    }

    mutating func set(_ number: Int, _ body: [UInt8]) {
        bodies[number - 1] = body
    }

    @discardableResult
    mutating func add(_ body: String) -> Int {
        let number = reserve()
        set(number, body)
        return number
    }

    /// A stream object; `dictionary` holds the entries besides /Length.
    @discardableResult
    mutating func addStream(_ dictionary: String, _ data: [UInt8]) -> Int {
        let number = reserve()
        setStream(number, dictionary, data)
        return number
    }

    /// A Flate-compressed stream, for content, fonts and the ICC profile.
    /// (The XMP packet and attachments stay plain, readable without a PDF tool.)
    @discardableResult
    mutating func addCompressedStream(_ dictionary: String, _ data: [UInt8]) -> Int {
        addStream(dictionary + " /Filter /FlateDecode", Deflate.zlib(data))
    }

    @discardableResult
    mutating func addPrecompressedStream(_ dictionary: String, _ zlibData: [UInt8]) -> Int {
        addStream(dictionary + " /Filter /FlateDecode", zlibData)
    }

    mutating func setStream(_ number: Int, _ dictionary: String, _ data: [UInt8]) {
        var body = Array("<<\(dictionary) /Length \(data.count)>>\nstream\n".utf8)
        body.append(contentsOf: data)
        body.append(contentsOf: Array("\nendstream".utf8))
        bodies[number - 1] = body
    }

    /// Writes the file. Returns the bytes and where each object's body starts
    /// (index 0 is object 1), so the sealer can find the signature placeholder.
    func serialize(root: Int, info: Int) -> (bytes: [UInt8], bodyOffsets: [Int]) {
        // The second line's high bytes mark the file as binary for transfer tools (PDF/A requires it).
        var out: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = [], bodyOffsets: [Int] = []
        var hasher = SHA256()
        for (index, body) in bodies.enumerated() {
            let body = body ?? Array("null".utf8)
            offsets.append(out.count)
            out.append(contentsOf: Array("\(index + 1) 0 obj\n".utf8))
            let bodyStart = out.count
            bodyOffsets.append(bodyStart)
            out.append(contentsOf: body)
            out.append(contentsOf: Array("\nendobj\n".utf8))
            hasher.update(data: out[bodyStart..<bodyStart + body.count])
        }
        let xref = out.count
        var table = "xref\n0 \(bodies.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        // The file identifier is a hash of the content: stable for the same input, different otherwise.
        let id = PDFSyntax.hex(hasher.finalize().prefix(16))
        table += "trailer\n<</Size \(bodies.count + 1) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>]>>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(contentsOf: Array(table.utf8))
        return (out, bodyOffsets)
    }
}
