/// The FIT SDK's CRC-16 (polynomial 0xA001, reflected; the SDK computes it a nibble at a time).
public enum FITCRC {
    /// The SDK's 16-entry nibble table.
    static let nibbleTable: [UInt16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ]

    /// Four 256-entry tables derived from the nibble algorithm ("slicing by 4"): same results, four bytes per step.
    /// Table 0 advances the CRC by one byte; table k by k further zero bytes.
    static let sliceTables: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 4 * 256)
        for i in 0..<256 { t[i] = nibbleUpdate(UInt16(i), 0) }
        for k in 1..<4 {
            for i in 0..<256 {
                let previous = t[(k - 1) * 256 + i]
                t[k * 256 + i] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// Updates `crc` with one byte exactly as the FIT SDK does (two nibble steps).
    public static func nibbleUpdate(_ crc: UInt16, _ byte: UInt8) -> UInt16 {
        var crc = crc
        var tmp = nibbleTable[Int(crc & 0xF)]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ nibbleTable[Int(byte & 0xF)]
        tmp = nibbleTable[Int(crc & 0xF)]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ nibbleTable[Int((byte >> 4) & 0xF)]
        return crc
    }

    /// CRC of `bytes[range]`, starting from `seed`.
    public static func compute(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, seed: UInt16 = 0) -> UInt16 {
        var crc = seed
        sliceTables.withUnsafeBufferPointer { t in
            var i = range.lowerBound
            while i + 4 <= range.upperBound {
                let x = crc ^ (UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
                crc = t[3 * 256 + Int(x & 0xFF)] ^ t[2 * 256 + Int(x >> 8)] ^ t[256 + Int(bytes[i + 2])]
                    ^ t[Int(bytes[i + 3])]
                i += 4
            }
            while i < range.upperBound {
                crc = (crc >> 8) ^ t[Int((crc ^ UInt16(bytes[i])) & 0xFF)]
                i += 1
            }
        }
        return crc
    }

    /// CRC of a whole byte array.
    public static func compute(_ bytes: [UInt8]) -> UInt16 {
        bytes.withUnsafeBytes { compute($0, 0..<$0.count) }
    }
}
