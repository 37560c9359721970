/// RFC 5545 content lines: TEXT escaping (§3.3.11) and folding at 75 octets with CRLF (§3.1), done on UTF-8 bytes.
///
/// Every byte escaping looks at is ASCII, and UTF-8 never uses ASCII values inside a multi-byte character, so working
/// on bytes is exact; folding only breaks before a character's first byte.
enum ICSContentLine {
    /// The longest a physical line may be, in octets, not counting its CRLF.
    static let maximumOctets = 75

    /// Appends `name` and `value` (escaped as TEXT when `escaping`) as one content line, folded, ending in CRLF.
    static func append(_ name: String, _ value: String, escaping: Bool = true, to output: inout [UInt8]) {
        var line: [UInt8] = []
        line.reserveCapacity(name.utf8.count + value.utf8.count + 16)
        line += name.utf8
        line.append(UInt8(ascii: ":"))
        if escaping { appendEscaped(value, to: &line) } else { line += value.utf8 }
        appendFolded(line, to: &output)
    }

    /// `text` as an RFC 5545 TEXT value: `\` `;` `,` escaped, line breaks (LF, CR, CRLF) as `\n`, other controls dropped.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0x0D:
                output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0A:
                if previous != 0x0D { output += [UInt8(ascii: "\\"), UInt8(ascii: "n")] }
            case 0x09:
                output.append(byte)
            case 0..<0x20, 0x7F:
                // RFC 5545 TEXT excludes the controls (CTLs) other than HTAB.
                continue
            default:
                output.append(byte)
            }
        }
    }

    /// Appends the UTF-8 `line` folded at 75 octets (a continuation line starts with a space), never inside a character.
    static func appendFolded(_ line: [UInt8], to output: inout [UInt8]) {
        var lineOctets = 0
        for byte in line {
            if byte & 0xC0 != 0x80 {
                // The first byte of a character: fold here if the whole character would not fit.
                let width = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if lineOctets + width > maximumOctets {
                    output += [0x0D, 0x0A, 0x20]
                    lineOctets = 1
                }
            }
            output.append(byte)
            lineOctets += 1
        }
        output += [0x0D, 0x0A]
    }
}
