/// The FIT protocol's CRC-16, computed a nibble at a time exactly as Garmin's FIT SDK does (`crc_calculator`).
enum FITChecksum {
    /// The SDK's 16-entry nibble table.
    private static let nibbleTable: [UInt16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ]

    /// The CRC of `bytes[range]`.
    static func crc(of bytes: [UInt8], in range: Range<Int>) -> UInt16 {
        var crc: UInt16 = 0
        for index in range {
            let byte = bytes[index]
            var tmp = nibbleTable[Int(crc & 0xF)]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ nibbleTable[Int(byte & 0xF)]
            tmp = nibbleTable[Int(crc & 0xF)]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ nibbleTable[Int((byte >> 4) & 0xF)]
        }
        return crc
    }
}
