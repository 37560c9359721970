/// A decoded definition message: the layout of the data messages of one local message type.
final class FITMessageDefinition {
    /// One field the decoder reads: its number, byte offset inside the message, size and base type.
    struct Field {
        var number: UInt8
        var offset: Int
        var size: Int
        var baseType: UInt8
    }

    /// Global message number (profile message kind: 18 session, 19 lap, 20 record, …).
    let globalNumber: UInt16
    /// Whether multi-byte values are big-endian (architecture byte 1).
    let bigEndian: Bool
    /// Total bytes of a data message after its header, developer fields included.
    let messageSize: Int
    /// Offset of field 253 (timestamp) inside the message, -1 when absent.
    let timestampOffset: Int
    /// Size and base type of the timestamp field.
    let timestampSize: Int
    /// Base type of the timestamp field.
    let timestampBaseType: UInt8
    /// Only the fields of this message that the decoder uses (see `FITProfile.isUsed`).
    let usedFields: [Field]

    init(globalNumber: UInt16, bigEndian: Bool, messageSize: Int, timestamp: Field?, usedFields: [Field]) {
        self.globalNumber = globalNumber
        self.bigEndian = bigEndian
        self.messageSize = messageSize
        self.timestampOffset = timestamp?.offset ?? -1
        self.timestampSize = timestamp?.size ?? 0
        self.timestampBaseType = timestamp?.baseType ?? 0
        self.usedFields = usedFields
    }

    /// Parses a definition message whose content starts at `at` (after the record header) inside `end`.
    /// Returns the definition and the number of bytes consumed, or nil when it runs past `end`.
    static func parse(_ b: UnsafeRawBufferPointer, at: Int, end: Int, hasDeveloperFields: Bool)
        -> (FITMessageDefinition, Int)?
    {
        guard at + 5 <= end else { return nil }
        let bigEndian = b[at + 1] == 1
        let global = bigEndian
            ? UInt16(b[at + 2]) << 8 | UInt16(b[at + 3])
            : UInt16(b[at + 3]) << 8 | UInt16(b[at + 2])
        let fieldCount = Int(b[at + 4])
        var p = at + 5
        guard p + fieldCount * 3 <= end else { return nil }
        var used: [Field] = []
        var timestamp: Field?
        var offset = 0
        for _ in 0..<fieldCount {
            let number = b[p]
            let size = Int(b[p + 1])
            let baseType = b[p + 2]
            let field = Field(number: number, offset: offset, size: size, baseType: baseType)
            if number == 253 { timestamp = field }
            if FITProfile.isUsed(global: global, field: number) { used.append(field) }
            offset += size
            p += 3
        }
        if hasDeveloperFields {
            guard p + 1 <= end else { return nil }
            let devCount = Int(b[p])
            p += 1
            guard p + devCount * 3 <= end else { return nil }
            for _ in 0..<devCount {
                offset += Int(b[p + 1])
                p += 3
            }
        }
        let definition = FITMessageDefinition(
            globalNumber: global, bigEndian: bigEndian, messageSize: offset, timestamp: timestamp, usedFields: used)
        return (definition, p - at)
    }
}
