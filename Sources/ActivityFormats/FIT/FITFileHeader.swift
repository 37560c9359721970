/// The 12- or 14-byte header that opens every FIT file (and every part of a chained file).
struct FITFileHeader {
    /// Header length in bytes (12 or 14; larger values are skipped over).
    var headerSize: Int
    /// Protocol version byte.
    var protocolVersion: UInt8
    /// Profile version (e.g. 2132 for 21.32).
    var profileVersion: UInt16
    /// Declared number of message bytes after the header.
    var dataSize: Int
    /// Stored header CRC, nil for a 12-byte header; 0 means none was written.
    var headerCRC: UInt16?

    /// Parses a header at `offset`, or says precisely why there is none.
    static func parse(_ b: UnsafeRawBufferPointer, at offset: Int) -> Result<FITFileHeader, FITHeaderProblem> {
        let remaining = b.count - offset
        guard remaining >= 12 else {
            return .failure(FITHeaderProblem(reason: "only \(max(remaining, 0)) bytes left, a FIT header needs at least 12"))
        }
        let size = Int(b[offset])
        guard b[offset + 8] == 0x2E, b[offset + 9] == 0x46, b[offset + 10] == 0x49, b[offset + 11] == 0x54 else {
            return .failure(FITHeaderProblem(reason: "no \".FIT\" signature at bytes \(offset + 8)..<\(offset + 12)"))
        }
        guard size >= 12 else {
            return .failure(FITHeaderProblem(reason: "header size byte is \(size), must be at least 12"))
        }
        guard size <= remaining else {
            return .failure(FITHeaderProblem(reason: "header size \(size) exceeds the \(remaining) bytes left"))
        }
        let dataSize = Int(b[offset + 4]) | Int(b[offset + 5]) << 8 | Int(b[offset + 6]) << 16 | Int(b[offset + 7]) << 24
        var crc: UInt16?
        if size >= 14 { crc = UInt16(b[offset + 12]) | UInt16(b[offset + 13]) << 8 }
        return .success(
            FITFileHeader(
                headerSize: size, protocolVersion: b[offset + 1],
                profileVersion: UInt16(b[offset + 2]) | UInt16(b[offset + 3]) << 8,
                dataSize: dataSize, headerCRC: crc))
    }
}

/// Why the bytes at some offset are not a usable FIT header.
struct FITHeaderProblem: Error {
    /// What is wrong.
    var reason: String
}
