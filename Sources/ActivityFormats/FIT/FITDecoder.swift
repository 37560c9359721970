/// Decodes FIT files (including chained files) into activities; damaged files decode as far as their messages go.
public enum FITDecoder {
    /// Decodes a FIT byte array.
    public static func decode(_ bytes: [UInt8]) throws -> DecodedFile {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Decodes FIT bytes in memory; throws only when no message at all can be decoded.
    public static func decode(_ b: UnsafeRawBufferPointer) throws -> DecodedFile {
        var warnings: [String] = []
        var parts: [FITPart] = []
        var offset = 0
        var keptSamples = 0
        var firstProblemOffset: Int?
        while offset < b.count {
            let header: FITFileHeader
            switch FITFileHeader.parse(b, at: offset) {
            case .success(let h): header = h
            case .failure(let problem):
                if parts.isEmpty {
                    throw ActivityDecodingError(format: .fit, reason: "not a FIT file: \(problem.reason)", byteOffset: offset)
                }
                warnings.append(
                    "ignored \(b.count - offset) trailing bytes at byte \(offset): not a FIT header (\(problem.reason))")
                offset = b.count
                continue
            }
            if let stored = header.headerCRC, stored != 0 {
                let computed = FITCRC.compute(b, offset..<(offset + 12))
                if computed != stored {
                    warnings.append(
                        "header CRC mismatch at byte \(offset): stored 0x\(hex(stored)), computed 0x\(hex(computed))")
                }
            }
            let dataStart = offset + header.headerSize
            let declaredEnd = dataStart + header.dataSize
            var dataEnd = declaredEnd
            var truncated = false
            if header.dataSize == 0 {
                // Some devices leave the size at 0 when they stop writing abruptly: read up to a final CRC.
                dataEnd = max(dataStart, b.count - 2)
                warnings.append("header at byte \(offset) declares no data; reading \(dataEnd - dataStart) bytes")
            } else if declaredEnd > b.count {
                dataEnd = b.count
                truncated = true
                warnings.append(
                    "file truncated: header at byte \(offset) declares \(header.dataSize) data bytes, only \(b.count - dataStart) remain (data should end at byte \(declaredEnd))"
                )
            }
            let (part, stop) = FITPartReader.read(
                b, partOffset: offset, start: dataStart, end: dataEnd, samplesAlreadyKept: keptSamples)
            keptSamples += part.samples.count
            if let stop, firstProblemOffset == nil { firstProblemOffset = stop.offset }
            if let stop, !(truncated && stop.reason.contains("past the data end")) {
                warnings.append("stopped reading at byte \(stop.offset): \(stop.reason)")
            } else if let stop {
                warnings.append("last message at byte \(stop.offset) is cut off by the end of the file")
            }
            parts.append(part)
            let crcEnd = (header.dataSize == 0 ? dataEnd : declaredEnd)
            if crcEnd + 2 <= b.count {
                let stored = UInt16(b[crcEnd]) | UInt16(b[crcEnd + 1]) << 8
                let computed = FITCRC.compute(b, offset..<crcEnd)
                if stored != computed {
                    warnings.append(
                        "file CRC mismatch at byte \(crcEnd): stored 0x\(hex(stored)), computed 0x\(hex(computed))")
                }
            } else if !truncated {
                warnings.append("file truncated: the 2-byte CRC expected at byte \(crcEnd) is missing")
            }
            offset = crcEnd + 2
        }
        let messages = parts.reduce(0) { $0 + $1.messageCount }
        guard messages > 0 else {
            let at = firstProblemOffset ?? parts.first.map { $0.offset } ?? 0
            throw ActivityDecodingError(
                format: .fit, reason: "no decodable message" + (warnings.isEmpty ? "" : " (\(warnings.joined(separator: "; ")))"),
                byteOffset: at)
        }
        var activities: [DecodedActivity] = []
        for part in parts { activities += FITActivityAssembler.activities(from: part) }
        let fileType = parts.lazy.compactMap { $0.fileType }.first.map(FITProfile.fileTypeName)
        return DecodedFile(
            format: .fit, fileType: fileType, activities: activities, warnings: warnings,
            recordCount: parts.reduce(0) { $0 + $1.recordCount })
    }

    private static func hex(_ v: UInt16) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}
