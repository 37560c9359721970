/// Helpers around `XMLReader`: skip a byte-order mark and leading whitespace, find root elements, read a document.
enum XMLInput {
    /// Index of the first byte after a UTF-8 BOM and any whitespace (some exporters put blanks before `<?xml`).
    static func contentStart(_ bytes: [UInt8]) -> Int {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count, XMLByte.isWhitespace(bytes[i]) { i += 1 }
        return i
    }

    /// Whether `range` holds a start tag `<name` or `<prefix:name` followed by whitespace, `>` or `/`.
    static func containsElement(_ bytes: [UInt8], _ range: Range<Int>, name: [UInt8]) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                // optional namespace prefix
                var k = j
                while k < range.upperBound, k - j < 32, isNameByte(bytes[k]) { k += 1 }
                if k < range.upperBound, bytes[k] == UInt8(ascii: ":") { j = k + 1 }
                if matches(bytes, at: j, range.upperBound, name) { return true }
                if j != i + 1, matches(bytes, at: i + 1, range.upperBound, name) { return true }
            }
            i += 1
        }
        return false
    }

    private static func matches(_ bytes: [UInt8], at j: Int, _ end: Int, _ name: [UInt8]) -> Bool {
        guard j + name.count < end else { return false }
        for n in 0..<name.count where bytes[j + n] != name[n] { return false }
        switch bytes[j + name.count] {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"): return true
        default: return false
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E
    }

    /// Reads `bytes` (valid UTF-8, from `contentStart`) with `handler`; nil when the whole document was read, else
    /// where and why it stopped (everything before that point has been reported to `handler`).
    static func parse(_ bytes: [UInt8], handler: some XMLEventHandler) -> (location: String, detail: String)? {
        if let refusal = unsafeInput(bytes) { return refusal }
        do {
            try XMLReader.read(bytes, from: contentStart(bytes), handler: handler)
            return nil
        } catch {
            return (error.location, error.reason.words)
        }
    }

    /// Why `bytes` must not reach `XMLReader` (which assumes valid UTF-8), or nil.
    static func unsafeInput(_ bytes: [UInt8]) -> (location: String, detail: String)? {
        if String(validating: bytes, as: UTF8.self) == nil {
            let offset = firstInvalidUTF8Offset(bytes)
            return ("byte \(offset)", "the file is not valid UTF-8")
        }
        return nil
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var low = 0
        var high = bytes.count
        // The longest valid prefix, by bisection (prefixes cut inside a character are invalid too, so step back a little).
        while low < high {
            let middle = (low + high + 1) / 2
            if String(validating: bytes[0..<middle], as: UTF8.self) != nil { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Local part of a possibly prefixed element name (`gpxtpx:hr` → `hr`).
    static func localName(_ qualified: String) -> Substring {
        if let colon = qualified.lastIndex(of: ":") { return qualified[qualified.index(after: colon)...] }
        return qualified[...]
    }
}
