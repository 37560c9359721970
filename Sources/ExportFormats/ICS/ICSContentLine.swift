/// RFC 5545 content lines: TEXT escaping (§3.3.11) and folding at 75 octets with CRLF (§3.1).
enum ICSContentLine {
    /// The longest a physical line may be, in octets, not counting its CRLF.
    static let maximumOctets = 75

    /// `text` as an RFC 5545 TEXT value: `\` `;` `,` escaped, line breaks as `\n`, other control characters dropped.
    static func escapedText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasCR { escaped += "\\n" }
            case "\t": escaped.unicodeScalars.append(scalar)
            default:
                // RFC 5545 TEXT excludes the controls (CTLs) other than HTAB.
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Appends `line` to `output` folded at 75 octets, never inside a UTF-8 character, each physical line ending in CRLF.
    static func appendFolded(_ line: String, to output: inout [UInt8]) {
        var lineOctets = 0
        for scalar in line.unicodeScalars {
            let width = scalar.value < 0x80 ? 1 : scalar.value < 0x800 ? 2 : scalar.value < 0x10000 ? 3 : 4
            if lineOctets + width > maximumOctets {
                output += [0x0D, 0x0A, 0x20]
                lineOctets = 1
            }
            if width == 1 {
                output.append(UInt8(scalar.value))
            } else {
                output += Array(String(scalar).utf8)
            }
            lineOctets += width
        }
        output += [0x0D, 0x0A]
    }
}
