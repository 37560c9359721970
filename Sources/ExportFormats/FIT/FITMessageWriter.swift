/// Writes FIT definition and data messages (little-endian, normal headers) into a byte buffer.
struct FITMessageWriter {
    /// One field of a message definition.
    struct Field {
        /// The field number in the profile.
        var number: UInt8
        /// The base type.
        var baseType: FITProfile.BaseType
        /// The bytes the field takes; strings give their padded size.
        var size: Int

        /// A numeric field of one value.
        init(_ number: UInt8, _ baseType: FITProfile.BaseType) {
            self.number = number
            self.baseType = baseType
            self.size = baseType.size
        }

        /// A string field of `size` bytes, terminator included.
        init(string number: UInt8, size: Int) {
            self.number = number
            self.baseType = .string
            self.size = size
        }
    }

    /// One value to write, in the order of the definition's fields.
    enum Value {
        /// A number; nil writes the base type's invalid value.
        case number(UInt32?)
        /// UTF-8 bytes, zero-padded to the field size.
        case string([UInt8])
    }

    /// The bytes written so far.
    private(set) var bytes: [UInt8]

    /// Starts with `reserving` zero bytes (room for the file header, filled in afterwards).
    init(reserving headerSize: Int, capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: repeatElement(0, count: headerSize))
    }

    /// Writes a definition message binding `localType` to `message` with `fields`.
    mutating func define(localType: UInt8, message: FITProfile.Message, fields: [Field]) {
        bytes.append(0x40 | localType)
        bytes.append(0)  // reserved
        bytes.append(0)  // architecture: little-endian
        append(UInt32(message.rawValue), size: 2)
        bytes.append(UInt8(fields.count))
        for field in fields {
            bytes.append(field.number)
            bytes.append(UInt8(field.size))
            bytes.append(field.baseType.rawValue)
        }
    }

    /// Writes a data message of `localType`; `values` follow the definition's `fields`.
    mutating func write(localType: UInt8, fields: [Field], values: [Value]) {
        bytes.append(localType)
        for (field, value) in zip(fields, values) {
            switch value {
            case .number(let number):
                append(number ?? field.baseType.invalid, size: field.size)
            case .string(let text):
                let used = min(text.count, field.size - 1)
                bytes.append(contentsOf: text[0..<used])
                bytes.append(contentsOf: repeatElement(0, count: field.size - used))
            }
        }
    }

    /// Overwrites the reserved bytes at the start.
    mutating func replaceHeader(with header: [UInt8]) {
        bytes.replaceSubrange(0..<header.count, with: header)
    }

    /// Appends the little-endian CRC of everything written so far.
    mutating func appendCRC() {
        let crc = FITChecksum.crc(of: bytes, in: 0..<bytes.count)
        append(UInt32(crc), size: 2)
    }

    private mutating func append(_ value: UInt32, size: Int) {
        for index in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))) }
    }
}
