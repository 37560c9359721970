import ActivityFormats

/// Writes small FIT files for protocol tests: definitions, data messages, compressed-timestamp messages, CRC.
struct FITBuilder {
    /// Message bytes written so far (after the header).
    var body: [UInt8] = []

    /// A definition message; `fields` are (number, size, base type).
    mutating func define(
        local: UInt8, global: UInt16, bigEndian: Bool = false, fields: [(UInt8, UInt8, UInt8)],
        developerFields: [(UInt8, UInt8, UInt8)] = []
    ) {
        body.append(0x40 | (developerFields.isEmpty ? 0 : 0x20) | (local & 0x0F))
        body += [0, bigEndian ? 1 : 0]
        body += bigEndian ? [UInt8(global >> 8), UInt8(global & 0xFF)] : [UInt8(global & 0xFF), UInt8(global >> 8)]
        body.append(UInt8(fields.count))
        for f in fields { body += [f.0, f.1, f.2] }
        if !developerFields.isEmpty {
            body.append(UInt8(developerFields.count))
            for f in developerFields { body += [f.0, f.1, f.2] }
        }
    }

    /// A data message with a normal header.
    mutating func data(local: UInt8, _ content: [UInt8]) {
        body.append(local & 0x0F)
        body += content
    }

    /// A data message with a compressed-timestamp header (local type 0–3, 5-bit time offset).
    mutating func compressed(local: UInt8, timeOffset: UInt8, _ content: [UInt8]) {
        body.append(0x80 | (local & 0x03) << 5 | (timeOffset & 0x1F))
        body += content
    }

    /// The complete file: 14-byte header with its CRC, the body, the file CRC.
    func file(declaredDataSize: UInt32? = nil) -> [UInt8] {
        var header: [UInt8] = [14, 0x20]
        header += le(UInt16(2132))
        header += le(declaredDataSize ?? UInt32(body.count))
        header += Array(".FIT".utf8)
        header += le(FITCRC.compute(header))
        let all = header + body
        return all + le(FITCRC.compute(all))
    }
}

/// Little-endian bytes of a 16-bit value.
func le(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
/// Little-endian bytes of a 32-bit value.
func le(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
/// Big-endian bytes of a 16-bit value.
func be(_ v: UInt16) -> [UInt8] { le(v).reversed() }
/// Big-endian bytes of a 32-bit value.
func be(_ v: UInt32) -> [UInt8] { le(v).reversed() }
